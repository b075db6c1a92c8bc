using BankCrm.Core.Common;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Engagement.Tasks;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages.Engagement.Tasks;

/// <summary>我的任务 · 服务优先级清单: the signed-in user's open tasks, most urgent first, paged on the server.</summary>
public sealed partial class TasksPage
{
    private const int PageSize = 20;
    private PagedResult<TaskLine>? result;
    private string actorId = string.Empty;

    /// <summary>Task reasons carry amounts: shown only where asset details are (StepUp.ShowsAssetAmounts).</summary>
    private bool amountsShown;
    private bool overdueOnly;
    private int page = 1;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TaskOperations Operations { get; set; } = default!;

    [Inject]
    private StepUp StepUp { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    private int PageCount => result is null ? 0 : (result.Total + PageSize - 1) / PageSize;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        actorId = actor.UserId;
        amountsShown = StepUp.ShowsAssetAmounts((await AuthenticationState).User);
        result = await Operations.ListAsync(actor, new TaskFilter { OwnerId = actor.UserId, OverdueOnly = overdueOnly, Page = page, PageSize = PageSize });
        await Audit.ShownAsync(actor, "tasks", result.Items, new { overdueOnly, page });

        // The last task of the last page was just closed: show the page before it.
        if (result.Items.Count == 0 && page > 1)
        {
            page--;
            await LoadAsync();
        }
    }

    private Task ReloadAsync(TaskLine? changed) => LoadAsync();

    private async Task OnFilterChanged(string? value)
    {
        overdueOnly = value == "overdue";
        page = 1;
        await LoadAsync();
    }

    private async Task OnPageChangedAsync(int selected)
    {
        page = selected;
        await LoadAsync();
    }
}
