using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Engagement.Outreach;
using Microsoft.AspNetCore.Components;

namespace BankCrm.Web.Components.Pages.Engagement.Playbooks;

/// <summary>One step of the playbook editor: its kind, the fields of that kind with their errors, a rendered preview of a message, and move/remove.</summary>
public sealed partial class StepCard
{
    [Parameter, EditorRequired]
    public StepModel Step { get; set; } = default!;

    [Parameter, EditorRequired]
    public int Index { get; set; }

    [Parameter, EditorRequired]
    public int Count { get; set; }

    /// <summary>The step kinds of the whole list, to name branch targets.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<StepKind> Kinds { get; set; } = [];

    [Parameter]
    public IReadOnlyList<FieldError> Errors { get; set; } = [];

    [Parameter]
    public EventCallback Changed { get; set; }

    [Parameter]
    public EventCallback<int> Removed { get; set; }

    [Parameter]
    public EventCallback<int> MovedDown { get; set; }

    private string? Err(string member) => Errors.FirstOrDefault(e => e.Field == $"steps[{Index}].{member}")?.Message;

    private async Task EditAsync(Action edit)
    {
        edit();
        await Changed.InvokeAsync();
    }

    private Task MoveUp() => MovedDown.InvokeAsync(Index - 1);

    private Task MoveDown() => MovedDown.InvokeAsync(Index);

    private Task Remove() => Removed.InvokeAsync(Index);

    /// <summary>The message for the sample customer, or null while the template is not usable (its error shows under the field).</summary>
    private string? Preview()
    {
        if (string.IsNullOrWhiteSpace(Step.Template) || MessageTemplates.Validate(Step.Template) is not null)
        {
            return null;
        }

        var sample = MessageModel.Sample with { ProductName = Step.ProductName ?? MessageModel.Sample.ProductName, Offer = Step.Offer ?? MessageModel.Sample.Offer };
        return MessageTemplates.Render(Step.Template, sample);
    }

    private string TargetLabel(int target) => target >= Count
        ? T["Steps.End"]
        : string.Format(System.Globalization.CultureInfo.CurrentCulture, T["Steps.Step"], target + 1) + " · " + T["StepKind." + Kinds[target]];
}
