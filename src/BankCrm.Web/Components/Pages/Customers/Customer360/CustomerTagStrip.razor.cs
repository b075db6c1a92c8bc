using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Web.Components.Shared.Formatting;
using BankCrm.Web.Identity;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

/// <summary>The customer's tags in the 360 header, each with its source (the rule, or who set it) and since when.</summary>
public sealed partial class CustomerTagStrip
{
    private IReadOnlyList<CustomerTagLine>? lines;
    private IReadOnlyList<TagListItem> manualTags = [];
    private bool maySet;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [Inject]
    private TagStore Tags { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        maySet = TagsEndpoints.MaySetManualTags(user);
        if (maySet)
        {
            manualTags = [.. (await Tags.ListAsync(user.ToActor(), CancellationToken.None)).Where(t => t.Kind == TagKind.Manual)];
        }

        await LoadAsync();
    }

    private static string Source(CustomerTagLine tag) => tag.Source == TagSource.Rule
        ? $"规则：{tag.Description}，{Dates.Day(tag.Since)} 起"
        : $"{tag.SetByName ?? "—"} 手工设置，{Dates.Day(tag.Since)} 起";

    private static string ShortSource(CustomerTagLine tag) =>
        $"{(tag.Source == TagSource.Rule ? "规则" : tag.SetByName ?? "手工")} {Dates.Day(tag.Since)} 起";

    private async Task LoadAsync() => lines = await Tags.ForCustomerAsync(await AuthenticationState.ToActorAsync(), CustomerId, CancellationToken.None) ?? [];

    private async Task SetAsync(long tagId)
    {
        var outcome = await Tags.SetManualAsync(await AuthenticationState.ToActorAsync(), CustomerId, tagId, CancellationToken.None);
        Report(outcome, "已添加标签");
        await LoadAsync();
    }

    private async Task RemoveAsync(long tagId)
    {
        var outcome = await Tags.RemoveManualAsync(await AuthenticationState.ToActorAsync(), CustomerId, tagId, CancellationToken.None);
        Report(outcome, "已移除标签");
        await LoadAsync();
    }

    private void Report(ManualTagOutcome outcome, string done)
    {
        if (outcome == ManualTagOutcome.Done)
        {
            Snackbar.Add(done, Severity.Success);
        }
        else
        {
            Snackbar.Add(outcome == ManualTagOutcome.NotManual ? "规则标签由系统计算，不能手工设置" : "客户或标签不存在", Severity.Warning);
        }
    }
}
