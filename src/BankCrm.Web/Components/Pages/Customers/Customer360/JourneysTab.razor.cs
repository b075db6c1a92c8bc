using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

/// <summary>The 旅程 tab: the customer's playbook journeys with every executed step and its result, in the viewer's scope.</summary>
public sealed partial class JourneysTab
{
    private const int PageSize = 10;
    private List<JourneyLine>? items;
    private int total;
    private int page;
    private bool busy;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JourneyStore Journeys { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadMoreAsync();

    private static Color StatusColor(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Active => Color.Info,
        EnrolmentStatus.Completed => Color.Success,
        EnrolmentStatus.Failed => Color.Error,
        _ => Color.Default,
    };

    private async Task LoadMoreAsync()
    {
        busy = true;
        var next = page + 1;
        var actor = await AuthenticationState.ToActorAsync();
        var result = await Journeys.ForCustomerAsync(actor, CustomerId, next, PageSize, CancellationToken.None);
        items ??= [];
        if (result is not null)
        {
            await Audit.ViewedAsync(actor, CustomerId, "360.journeys");
            items.AddRange(result.Items);
            total = result.Total;
            page = next;
        }

        busy = false;
    }
}
