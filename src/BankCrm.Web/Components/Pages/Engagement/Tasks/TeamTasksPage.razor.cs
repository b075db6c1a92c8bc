using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Engagement.Tasks;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Engagement.Tasks;

/// <summary>团队任务: a branch manager's workload per member, the overdue list (escalations marked) and reassignment within the branch.</summary>
public sealed partial class TeamTasksPage
{
    private MudTable<TaskLine>? table;
    private TeamWorkload? team;
    private IReadOnlyList<AssigneeOption> assignees = [];
    private bool loaded;
    private bool overdueOnly = true;
    private string? ownerId;
    private DateTime now;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TaskOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        now = Time.GetUtcNow().UtcDateTime;
        team = await Operations.TeamAsync(actor);
        assignees = await Operations.AssigneesAsync(actor);
        loaded = true;
    }

    private async Task<TableData<TaskLine>> LoadTasksAsync(TableState state, CancellationToken cancellationToken)
    {
        var actor = await AuthenticationState.ToActorAsync();
        now = Time.GetUtcNow().UtcDateTime;
        var filter = new TaskFilter { BranchId = actor.BranchId, OwnerId = ownerId, OverdueOnly = overdueOnly, Page = state.Page + 1, PageSize = state.PageSize };
        var result = await Operations.ListAsync(actor, filter);
        await Audit.ShownAsync(actor, "team-tasks", result.Items, new { ownerId, overdueOnly, page = filter.Page }, cancellationToken);
        return new TableData<TaskLine> { Items = result.Items, TotalItems = result.Total };
    }

    private string OwnerName(string id) => team?.Members.FirstOrDefault(m => m.UserId == id)?.DisplayName ?? id;

    private async Task OnFilterChangedAsync(string? value)
    {
        overdueOnly = value == "overdue";
        await ReloadTableAsync();
    }

    private async Task FilterOwnerAsync(string? owner)
    {
        ownerId = owner;
        await ReloadTableAsync();
    }

    private async Task ReassignAsync(TaskLine task, AssigneeOption member)
    {
        var actor = await AuthenticationState.ToActorAsync();
        var change = await Operations.ChangeAsync(store => store.ReassignAsync(actor, task.Id, new ReassignTask(member.UserId)));
        switch (change)
        {
            case TaskChange.Changed:
                Snackbar.Add(string.Format(System.Globalization.CultureInfo.CurrentCulture, T["Team.Reassigned"], task.Title, member.DisplayName), Severity.Success);
                team = await Operations.TeamAsync(actor);
                await ReloadTableAsync();
                break;
            case TaskChange.Invalid invalid:
                Snackbar.Add(string.Join("；", invalid.Errors.Select(e => e.Message)), Severity.Warning);
                break;
            case TaskChange.Conflict conflict:
                Snackbar.Add(conflict.Message, Severity.Warning);
                break;
            default:
                Snackbar.Add(T["NotAvailable"], Severity.Warning);
                break;
        }
    }

    private Task ReloadTableAsync() => table?.ReloadServerData() ?? Task.CompletedTask;
}
