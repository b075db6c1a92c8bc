using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Engagement.Tasks;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BankCrm.Web.Components.Engagement.Tasks;

public sealed partial class TaskCard
{
    private (string Text, DueState State) due;

    [Parameter, EditorRequired]
    public TaskLine Item { get; set; } = default!;

    /// <summary>The signed-in user's id: only the owner logs outcomes from the card.</summary>
    [Parameter, EditorRequired]
    public string ActorId { get; set; } = string.Empty;

    /// <summary>
    /// Reasons carry amounts (churn factors, need evidence: "¥7.7 万 → ¥2.3 万"): shown only where asset details are
    /// (<see cref="Identity.StepUp.ShowsAssetAmounts"/>), "¥***" otherwise and by default.
    /// </summary>
    [Parameter]
    public bool ShowAmounts { get; set; }

    [Parameter]
    public bool ShowCustomer { get; set; } = true;

    [Parameter]
    public bool ShowOwner { get; set; }

    [Parameter]
    public bool ShowActions { get; set; } = true;

    /// <summary>The task after an outcome or an interaction was logged from the card.</summary>
    [Parameter]
    public EventCallback<TaskLine?> OnChanged { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private bool Mine => Item.OwnerId == ActorId;

    private bool IsOpen => TaskStates.IsOpen(Item.Status);

    private string HealthText => Item.Health is { } health ? string.Format(System.Globalization.CultureInfo.CurrentCulture, T["Card.Health"], health) : T["Card.HealthNone"];

    private Color HealthColor => Item.Health switch
    {
        < ServicePriority.CriticalHealthBelow => Color.Error,
        < ServicePriority.PoorHealthBelow => Color.Warning,
        _ => Color.Default,
    };

    private Color DueColor => due.State switch
    {
        DueState.Overdue => Color.Error,
        DueState.Today => Color.Warning,
        DueState.Soon => Color.Info,
        _ => Color.Default,
    };

    private Color PriorityColor => Item.Priority switch
    {
        >= 70 => Color.Error,
        >= 45 => Color.Warning,
        _ => Color.Default,
    };

    protected override void OnParametersSet() => due = TaskLabels.Due(Item.DueAt, Time.GetUtcNow().UtcDateTime);

    private async Task LogInteractionAsync()
    {
        if (await LogInteractionDialog.ShowAsync(Dialogs, T, Item.CustomerId, Item) is not null)
        {
            await OnChanged.InvokeAsync(null);
        }
    }
}
