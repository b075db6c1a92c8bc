using BankCrm.Core.Consent;
using BankCrm.Data.Consent;
using BankCrm.Web.Consent;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

/// <summary>Records one grant or withdrawal with its source and evidence note; the store appends it to the history.</summary>
public sealed partial class RecordConsentDialog
{
    // Import is for bulk loads, not something staff pick by hand.
    private static readonly ConsentSource[] Sources = [ConsentSource.Branch, ConsentSource.Rm, ConsentSource.App, ConsentSource.Online];

    private ConsentSource? source;
    private string? note;
    private string? sourceError;
    private string? noteError;
    private bool saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ConsentOperations Operations { get; set; } = default!;

    [Parameter]
    public long CustomerId { get; set; }

    [Parameter]
    public ConsentPurpose Purpose { get; set; }

    [Parameter]
    public ContactChannel? Channel { get; set; }

    [Parameter]
    public bool Granted { get; set; }

    protected override void OnInitialized() => source = ConsentSource.Branch;

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        sourceError = source is null ? T["Dialog.Source"].Value : null;
        noteError = note is { Length: > ConsentStore.MaxNoteLength } ? T["Dialog.NoteTooLong"].Value : null;
        if (sourceError is not null || noteError is not null)
        {
            return;
        }

        saving = true;
        var actor = await AuthenticationState.ToActorAsync();
        var outcome = await Operations.RecordAsync(actor, CustomerId, new RecordConsent(Purpose, Channel, Granted, source!.Value, note));
        saving = false;
        switch (outcome)
        {
            case ConsentOutcome.Recorded recorded:
                Dialog.Close(DialogResult.Ok(recorded.Line));
                break;
            case ConsentOutcome.Invalid invalid when invalid.Field == "evidenceNote":
                noteError = invalid.Message;
                break;
            case ConsentOutcome.Invalid invalid:
                sourceError = invalid.Message;
                break;
            default:
                Dialog.Cancel();
                break;
        }
    }
}
