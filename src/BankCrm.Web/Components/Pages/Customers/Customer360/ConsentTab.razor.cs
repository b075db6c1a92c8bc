using System.Globalization;
using BankCrm.Core.Consent;
using BankCrm.Core.Organization;
using BankCrm.Data.Consent;
using BankCrm.Web.Consent;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

public sealed partial class ConsentTab
{
    private CustomerConsents? consents;
    private bool mayRecord;
    private Actor? actor;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ConsentOperations Operations { get; set; } = default!;

    [Inject]
    private ConsentChanges Changes { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
        mayRecord = ConsentRecorders.MayRecord(actor);
        consents = await Operations.GetAsync(actor, CustomerId);
    }

    private static Color StateColor(ConsentState state) => state switch
    {
        ConsentState.Granted => Color.Success,
        ConsentState.Withdrawn => Color.Error,
        _ => Color.Default,
    };

    private async Task RecordAsync(ConsentStatus status, bool granted)
    {
        var subject = ConsentLabels.Subject(status.Purpose, status.Channel);
        var title = string.Format(CultureInfo.CurrentCulture, T[granted ? "Dialog.GrantTitle" : "Dialog.WithdrawTitle"], subject);
        var parameters = new DialogParameters<RecordConsentDialog>
        {
            { d => d.CustomerId, CustomerId },
            { d => d.Purpose, status.Purpose },
            { d => d.Channel, status.Channel },
            { d => d.Granted, granted },
        };
        var dialog = await Dialogs.ShowAsync<RecordConsentDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            return;
        }

        Snackbar.Add($"{T["Saved"]}: {subject} {ConsentLabels.Of(granted ? ConsentState.Granted : ConsentState.Withdrawn)}", Severity.Success);
        consents = await Operations.GetAsync(actor!, CustomerId);
        await Changes.NotifyAsync(CustomerId);
    }
}
