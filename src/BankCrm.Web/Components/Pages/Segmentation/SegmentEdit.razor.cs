using System.Globalization;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation.Segments;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Database;
using BankCrm.Data.Segmentation.Segments;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Web.Components.Segmentation.RuleEditor;
using BankCrm.Web.Identity;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Segmentation;

/// <summary>The segment builder: name, rule with live count, sharing; the owner saves, others use it read-only.</summary>
public sealed partial class SegmentEdit
{
    private bool loading = true;
    private bool notFound;
    private bool mayEdit = true;
    private bool saving;
    private string name = string.Empty;
    private string? description;
    private string ownerName = string.Empty;
    private RuleEditorModel rule = RuleEditorModel.From(null);
    private string? storedRule;
    private IReadOnlyList<RuleChoice> tagChoices = [];
    private IReadOnlyList<(string Id, string Name)> staff = [];
    private IReadOnlyCollection<string> sharedUsers = [];
    private IReadOnlyCollection<string> sharedRoles = [];
    private IReadOnlyList<FieldError> saveErrors = [];

    [Parameter]
    public long? Id { get; set; }

    [Inject]
    private SegmentStore Segments { get; set; } = default!;

    [Inject]
    private TagStore Tags { get; set; } = default!;

    [Inject]
    private CrmDbContextFactory Factory { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private StepUp StepUp { get; set; } = default!;

    private CustomerRule? StoredRuleModel => storedRule is null ? null : RuleJson.Read(storedRule).Rule;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        var actor = await AuthenticationState.ToActorAsync();
        tagChoices = [.. (await Tags.ListAsync(actor, CancellationToken.None)).Select(t => new RuleChoice(t.Id.ToString(CultureInfo.InvariantCulture), t.Name))];
        await using (var db = Factory.CreateDbContext())
        {
            staff = [.. (await db.Users.AsNoTracking().Where(u => u.PasswordHash != null).OrderBy(u => u.UserName).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync())
                .Select(u => (u.Id, string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName))];
        }

        if (Id is { } id)
        {
            var segment = await Segments.FindAsync(actor, id, CancellationToken.None);
            notFound = segment is null;
            if (segment is not null)
            {
                name = segment.Name;
                description = segment.Description;
                ownerName = segment.OwnerName;
                mayEdit = segment.Mine || actor.IsInRole(StaffRole.Admin);
                storedRule = segment.Rule;
                rule = RuleEditorModel.From(RuleJson.Read(segment.Rule).Rule);
                sharedUsers = [.. segment.SharedWith.Where(s => s.Kind == ShareKind.User).Select(s => s.Principal)];
                sharedRoles = [.. segment.SharedWith.Where(s => s.Kind == ShareKind.Role).Select(s => s.Principal)];
            }
        }

        loading = false;
    }

    private static string RoleLabel(string role) => role switch
    {
        StaffRole.Admin => "系统管理员",
        StaffRole.RelationshipManager => "客户经理",
        StaffRole.Teller => "柜员",
        StaffRole.BranchManager => "支行行长",
        StaffRole.Marketing => "营销人员",
        StaffRole.ServiceAgent => "客服坐席",
        StaffRole.ComplianceOfficer => "合规人员",
        StaffRole.Auditor => "审计人员",
        _ => role,
    };

    private string UserName(string id) => staff.FirstOrDefault(s => s.Id == id).Name ?? id;

    private string? ErrorFor(string field) => saveErrors.FirstOrDefault(e => e.Field == field)?.Message;

    private void OnRuleChanged(IReadOnlyList<FieldError> errors) => saveErrors = [];

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var shares = sharedUsers.Select(u => new SegmentShareInput(ShareKind.User, u)).Concat(sharedRoles.Select(r => new SegmentShareInput(ShareKind.Role, r))).ToList();
            var input = new SegmentInput(name, description, RuleJson.Write(rule.ToRule()), shares);
            if (RuleAmounts.Refused(StepUp, (await AuthenticationState).User, input.Rule, storedRule) is { Count: > 0 } refused)
            {
                saveErrors = refused;
                return;
            }

            var outcome = await Segments.SaveAsync(await AuthenticationState.ToActorAsync(), Id, input, CancellationToken.None);
            switch (outcome)
            {
                case SegmentOutcome.Saved saved:
                    storedRule = saved.Segment.Rule;
                    Snackbar.Add($"已保存客群「{saved.Segment.Name}」", Severity.Success);
                    if (Id is null)
                    {
                        Navigation.NavigateTo($"/segments/{saved.Segment.Id}");
                    }

                    break;
                case SegmentOutcome.Invalid invalid:
                    saveErrors = invalid.Errors;
                    break;
                default:
                    saveErrors = [new FieldError("segment", "forbidden", "只有创建人可以修改此客群")];
                    break;
            }
        }
        finally
        {
            saving = false;
        }
    }
}
