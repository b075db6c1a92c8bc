using BankCrm.Core.Common;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Segmentation.RuleEditor;

/// <summary>
/// Edits a tag or segment rule: groups of conditions, AND/OR, and a live count of matching customers in the
/// user's scope that follows the edits (debounced, the last edit wins). Errors appear under the condition they name.
/// </summary>
public sealed partial class RuleEditor : IDisposable
{
    public const int DebounceMilliseconds = 400;

    private CancellationTokenSource? pending;
    private IReadOnlyList<FieldError> errors = [];
    private int? count;
    private bool counting;

    [Parameter, EditorRequired]
    public RuleEditorModel Model { get; set; } = default!;

    [Parameter]
    public RuleUse Use { get; set; } = RuleUse.Segment;

    [Parameter]
    public IReadOnlyList<RuleChoice> TagChoices { get; set; } = [];

    /// <summary>
    /// The rule as stored before this edit: its amount conditions may be kept as they are by a user who may not see
    /// amounts (<see cref="AmountConditions"/>); null for a new rule.
    /// </summary>
    [Parameter]
    public CustomerRule? StoredRule { get; set; }

    /// <summary>Raised after every edit, with the errors the rule has now (empty when it is valid).</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<FieldError>> Changed { get; set; }

    [Inject]
    private TagStore Tags { get; set; } = default!;

    [Inject]
    private StepUp StepUp { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    public IReadOnlyList<FieldError> Errors => errors;

    /// <summary>Whether the user may set amount conditions; without it the amount fields are not offered.</summary>
    private bool amountsShown;

    private IEnumerable<RuleField> Fields => RuleFields.All.Where(f => (Use == RuleUse.Segment || !f.SegmentOnly) && (amountsShown || !f.IsAmount));

    /// <summary>The fields a condition may choose, with its own field when it is a kept amount condition.</summary>
    private IEnumerable<RuleField> FieldsFor(ConditionModel condition) =>
        condition.Definition is { IsAmount: true } own && !amountsShown ? Fields.Prepend(own) : Fields;

    public void Dispose()
    {
        pending?.Cancel();
        pending?.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        amountsShown = StepUp.ShowsAssetAmounts((await AuthenticationState).User);
        await RecountAsync();
    }

    private static string GroupLabel(RuleFieldGroup group) => group switch
    {
        RuleFieldGroup.Profile => "画像",
        RuleFieldGroup.Holdings => "持仓",
        RuleFieldGroup.Transactions => "交易",
        RuleFieldGroup.Behaviour => "行为",
        RuleFieldGroup.Scores => "评分",
        _ => "标签与需求",
    };

    private IEnumerable<FieldError> ErrorsAt(string path) => errors.Where(e => e.Field.StartsWith(path + ".", StringComparison.Ordinal));

    private IEnumerable<FieldError> ErrorsExactly(string path) => errors.Where(e => e.Field == path);

    private async Task ChangeAsync(Action edit)
    {
        edit();
        await RecountAsync();
    }

    private async Task RecountAsync()
    {
        var rule = Model.ToRule();
        errors = [.. RuleValidator.Validate(rule, Use), .. amountsShown ? [] : AmountConditions.Refused(rule, StoredRule)];
        await Changed.InvokeAsync(errors);
        if (pending is not null)
        {
            await pending.CancelAsync();
            pending.Dispose();
        }

        if (errors.Count > 0)
        {
            count = null;
            counting = false;
            return;
        }

        pending = new CancellationTokenSource();
        _ = CountLaterAsync(RuleJson.Write(Model.ToRule()), pending.Token);
    }

    private async Task CountLaterAsync(string rule, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(DebounceMilliseconds, cancellationToken);
            counting = true;
            await InvokeAsync(StateHasChanged);
            var actor = await AuthenticationState.ToActorAsync();
            var (result, _) = await Tags.CountAsync(actor, rule, Use, cancellationToken);
            if (!cancellationToken.IsCancellationRequested)
            {
                count = result;
                counting = false;
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // A newer edit took over; its own count will show.
        }
    }
}
