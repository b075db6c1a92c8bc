using BankCrm.Core.Common;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Web.Components.Segmentation.RuleEditor;
using BankCrm.Web.Identity;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Segmentation;

/// <summary>The tag list with counts, and the editor with its live count; saving a rule tag refreshes its customers at once.</summary>
public sealed partial class TagsPage
{
    private IReadOnlyList<TagListItem>? tags;
    private RuleEditorModel? editing;
    private long? editingId;
    private string? storedRule;
    private int editorKey;
    private string name = string.Empty;
    private string? description;
    private TagKind kind = TagKind.Rule;
    private IReadOnlyList<FieldError> saveErrors = [];
    private bool saving;

    [Inject]
    private TagStore Tags { get; set; } = default!;

    [Inject]
    private TagRefresher Refresher { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private StepUp StepUp { get; set; } = default!;

    private CustomerRule? StoredRuleModel => storedRule is null ? null : RuleJson.Read(storedRule).Rule;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => tags = await Tags.ListAsync(await AuthenticationState.ToActorAsync(), CancellationToken.None);

    private void NewTag()
    {
        editingId = null;
        storedRule = null;
        name = string.Empty;
        description = null;
        kind = TagKind.Rule;
        editing = RuleEditorModel.From(null);
        saveErrors = [];
        editorKey++;
    }

    private async Task EditAsync(long id)
    {
        var tag = await Tags.FindAsync(id, CancellationToken.None);
        if (tag is null)
        {
            return;
        }

        editingId = tag.Id;
        storedRule = tag.Rule;
        name = tag.Name;
        description = tag.Description;
        kind = tag.Kind;
        editing = RuleEditorModel.From(tag.Rule is null ? null : RuleJson.Read(tag.Rule).Rule);
        saveErrors = [];
        editorKey++;
    }

    private void OnKindChanged(TagKind value) => kind = value;

    private void OnRuleChanged(IReadOnlyList<FieldError> errors) => saveErrors = [];

    private string? ErrorFor(string field) => saveErrors.FirstOrDefault(e => e.Field == field)?.Message;

    private void Close() => editing = null;

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var rule = kind == TagKind.Rule ? RuleJson.Write(editing!.ToRule()) : null;
            if (rule is not null && RuleAmounts.Refused(StepUp, (await AuthenticationState).User, rule, storedRule) is { Count: > 0 } refused)
            {
                saveErrors = refused;
                return;
            }

            var result = await Tags.SaveAsync(await AuthenticationState.ToActorAsync(), editingId, new TagInput(name, description, kind, rule), CancellationToken.None);
            saveErrors = result.Errors;
            if (result.Tag is { } tag)
            {
                var count = tag.Kind == TagKind.Rule ? await Refresher.RefreshAsync(tag.Id, ChinaTime.Today(Time), CancellationToken.None) : null;
                Snackbar.Add(count is null ? $"已保存标签「{tag.Name}」" : $"已保存标签「{tag.Name}」，当前 {count:N0} 位客户", Severity.Success);
                editingId = tag.Id;
                storedRule = tag.Rule;
                await LoadAsync();
            }
        }
        finally
        {
            saving = false;
        }
    }
}
