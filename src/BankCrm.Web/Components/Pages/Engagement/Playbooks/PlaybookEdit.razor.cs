using System.Globalization;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Data.Segmentation.Segments;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Engagement.Playbooks;

/// <summary>
/// The playbook editor: trigger and its parameters, conditions with the live count, ordered steps with per-kind fields
/// and a rendered preview, exit rules. The rules are checked as the user types (errors under each field) and again
/// when saving; leaving with unsaved changes asks first.
/// </summary>
public sealed partial class PlaybookEdit
{
    private PlaybookEditorModel model = PlaybookEditorModel.New();
    private PlaybookView? view;
    private PlaybookStats? stats;
    private IReadOnlyList<FieldError> errors = [];
    private IReadOnlyList<RuleChoice> tagChoices = [];
    private IReadOnlyList<SegmentListItem> segments = [];
    private string savedSnapshot = string.Empty;
    private bool loading = true;
    private bool notFound;
    private bool saving;
    private bool showErrors;
    private int? conflictVersion;

    [Parameter]
    public long? Id { get; set; }

    [Inject]
    private PlaybookStore Playbooks { get; set; } = default!;

    [Inject]
    private TagStore Tags { get; set; } = default!;

    [Inject]
    private SegmentStore Segments { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool IsDirty => !loading && !notFound && Snapshot() != savedSnapshot;

    /// <summary>Errors shown next to the fields: at once on an existing playbook, on a new one after the first save attempt.</summary>
    private IReadOnlyList<FieldError> VisibleErrors => showErrors ? errors : [];

    private IReadOnlyList<StepKind> Kinds => [.. model.Steps.Select(s => s.Kind)];

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        var actor = await AuthenticationState.ToActorAsync();
        tagChoices = [.. (await Tags.ListAsync(actor, CancellationToken.None)).Select(t => new RuleChoice(t.Id.ToString(CultureInfo.InvariantCulture), t.Name))];
        segments = await Segments.ListAsync(actor, CancellationToken.None);
        if (Id is { } id)
        {
            view = await Playbooks.FindAsync(id, CancellationToken.None);
            notFound = view is null;
            if (view is not null)
            {
                model = PlaybookEditorModel.From(view);
                stats = await Playbooks.StatsAsync(id, CancellationToken.None);
            }

            showErrors = true;
        }

        savedSnapshot = Snapshot();
        Validate();
        loading = false;
    }

    private string? Err(string field) => VisibleErrors.FirstOrDefault(e => e.Field == field)?.Message;

    private void Validate() => errors = PlaybookDefinitions.Validate(model.ToDefinition());

    private void Changed() => Validate();

    private void Edit(Action edit)
    {
        edit();
        Validate();
    }

    private string Snapshot()
    {
        var definition = model.ToDefinition();
        return string.Join('\u001f', definition.Name, definition.Description, PlaybookJson.WriteTrigger(definition.Trigger),
            PlaybookJson.WriteConditions(definition.Conditions), PlaybookJson.WriteSteps(definition.Steps), PlaybookJson.WriteExitRules(definition.ExitRules));
    }

    private async Task SaveAsync()
    {
        showErrors = true;
        conflictVersion = null;
        Validate();
        if (errors.Count > 0)
        {
            return;
        }

        saving = true;
        try
        {
            var outcome = await Playbooks.SaveAsync(await AuthenticationState.ToActorAsync(), Id, model.ToDefinition(), view?.Version, CancellationToken.None);
            switch (outcome)
            {
                case PlaybookOutcome.Saved saved:
                    view = saved.Playbook;
                    savedSnapshot = Snapshot();
                    Snackbar.Add(string.Format(CultureInfo.CurrentCulture, T["Edit.Saved"], saved.Playbook.Name), Severity.Success);
                    if (Id is null)
                    {
                        Navigation.NavigateTo($"/engagement/playbooks/{saved.Playbook.Id}");
                    }

                    break;
                case PlaybookOutcome.Invalid invalid:
                    errors = invalid.Errors;
                    break;
                case PlaybookOutcome.Conflict conflict:
                    conflictVersion = conflict.CurrentVersion;
                    break;
                default:
                    notFound = true;
                    break;
            }
        }
        finally
        {
            saving = false;
        }
    }

    private async Task ToggleEnabledAsync(bool enabled)
    {
        if (view is null)
        {
            return;
        }

        var changed = await Playbooks.SetEnabledAsync(await AuthenticationState.ToActorAsync(), view.Id, enabled, CancellationToken.None);
        if (changed is not null)
        {
            // Enabling bumps the version; the form keeps its edits and saves on top of the new version.
            view = view with { Enabled = changed.Enabled, Version = changed.Version, UpdatedAt = changed.UpdatedAt, UpdatedBy = changed.UpdatedBy };
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!IsDirty)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(T["Edit.LeaveTitle"], T["Edit.LeaveMessage"], yesText: T["Edit.Leave"], cancelText: T["Edit.Stay"]);
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
