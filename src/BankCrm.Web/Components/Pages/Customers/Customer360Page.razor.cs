using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Data.Scoring;
using BankCrm.Data.Customers;
using BankCrm.Web.Audit;
using BankCrm.Web.Components.Shared.Formatting;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using BankCrm.Web.Scoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages.Customers;

/// <summary>Customer 360: header and tiles answer "who is this and how are they doing"; the tabs load on demand.</summary>
public sealed partial class Customer360Page
{
    private Customer360Summary? summary;
    private IReadOnlyList<MonthBalance> trend = [];
    private decimal? aumChange;
    private bool loading = true;
    private long loadedId;

    // Null unless the user may see scores (a teller may not) and the customer is in scope.
    private CustomerScoresView? scores;

    [Parameter]
    public long Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    [Inject]
    private CustomerAudit Audit { get; set; } = default!;

    [Inject]
    private ScoringOperations Scoring { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    private int ActiveAccounts => summary?.Holdings.Count(h => h.Status != AccountStatus.Closed) ?? 0;

    protected override async Task OnParametersSetAsync()
    {
        // Following a relationship link reuses this component with a new id.
        if (Id == loadedId && !loading)
        {
            return;
        }

        loading = true;

        // The page is rendered twice: prerendered, then again when the circuit starts. Loading (and auditing) only
        // in the interactive render reads the customer once and writes one audit entry per page view.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var actor = await AuthenticationState.ToActorAsync();

        // The overview tab opens first, so its trend is fetched alongside the header, each on its own DbContext.
        var summaryTask = Operations.QueryAsync(q => q.SummaryAsync(actor, Id));
        var trendTask = Operations.QueryAsync(q => q.BalanceTrendAsync(actor, Id));
        var mayReadScores = (await Authorization.AuthorizeAsync((await AuthenticationState).User, Permissions.ScoresRead)).Succeeded;
        var scoresTask = mayReadScores ? Scoring.QueryAsync(q => q.ForCustomerAsync(actor, Id)) : Task.FromResult<CustomerScoresView?>(null);
        summary = await summaryTask;
        trend = await trendTask ?? [];
        scores = await scoresTask;
        aumChange = trend.Count >= 2 ? Percent.Change(trend[^2].Balance, trend[^1].Balance) : null;
        loadedId = Id;
        loading = false;

        // One entry per page load: the header and overview show AUM, balances and the latest transactions.
        if (summary is not null)
        {
            await Audit.ViewedSensitiveAsync(actor, Id, $"{CustomerAudit.Balances},{CustomerAudit.Transactions}");
        }
        else
        {
            await Audit.DeniedIfExistsAsync(actor, Id, "360");
        }
    }
}
