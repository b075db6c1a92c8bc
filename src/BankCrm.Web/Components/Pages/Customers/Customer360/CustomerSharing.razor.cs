using BankCrm.Core.Organization;
using BankCrm.Data.Customers.Sharing;
using BankCrm.Web.Customers.Sharing;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

/// <summary>
/// The sharing corner of the 360 header: "共享给同事" for the staff accountable for the customer, and a chip
/// "共享客户 至 …" for a colleague who sees the customer only through a share.
/// </summary>
public sealed partial class CustomerSharing
{
    private DateTime? sharedUntil;
    private IReadOnlyList<ShareLine>? activeShares;
    private Actor? actor;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private SharingOperations Operations { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        actor = user.ToActor();
        sharedUntil = SharedCustomerClaims.Active(user, Time.GetUtcNow()).Where(s => s.CustomerId == CustomerId).Select(s => (DateTime?)s.ExpiresAt).Max();
        await LoadSharesAsync();
    }

    private async Task LoadSharesAsync()
    {
        // Only those who may share see the button; the list answers Forbidden for everyone else.
        activeShares = PermissionMatrix.Allows(actor!.Roles, Permissions.CustomersShare)
            && await Operations.ListActiveAsync(actor, CustomerId) is ShareOutcome.Listed listed
            ? listed.Lines
            : null;
    }

    private async Task OpenAsync()
    {
        var parameters = new DialogParameters<ShareCustomerDialog> { { d => d.CustomerId, CustomerId } };
        var dialog = await Dialogs.ShowAsync<ShareCustomerDialog>("共享给同事", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        await dialog.Result;
        await LoadSharesAsync();
    }
}
