using BankCrm.Web.Components.Engagement.Tasks;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

public sealed partial class InteractionsTab
{
    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private async Task LogAsync() => await LogInteractionDialog.ShowAsync(Dialogs, TaskT, CustomerId, task: null);
}
