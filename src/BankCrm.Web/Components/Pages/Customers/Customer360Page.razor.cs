using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Data.Scoring;
using BankCrm.Data.Customers;
using BankCrm.Web.Audit;
using BankCrm.Web.Components.Shared.Formatting;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using BankCrm.Web.Scoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages.Customers;

/// <summary>Customer 360: header and tiles answer "who is this and how are they doing"; the tabs load on demand.</summary>
public sealed partial class Customer360Page
{
    private CustomerHeaderFacts? header;
    private Customer360Summary? summary;
    private AssetAccess assets;
    private bool fullProfile;
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
    private StepUp StepUp { get; set; } = default!;

    /// <summary>What this viewer may see of the customer's assets on this page.</summary>
    private enum AssetAccess { None, NeedsStepUp, Shown }

    private string StepUpHref => "/account/step-up?returnUrl=" + Uri.EscapeDataString($"/customers/{Id}");

    [Inject]
    private ScoringOperations Scoring { get; set; } = default!;

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

        var user = (await AuthenticationState).User;
        var actor = user.ToActor();
        fullProfile = actor.SeesFullProfile;
        assets = !actor.Can(Permissions.HoldingsRead) ? AssetAccess.None
            : !StepUp.ShowsAssetDetails(user) ? AssetAccess.NeedsStepUp
            : AssetAccess.Shown;

        var scoresTask = actor.Can(Permissions.ScoresRead) ? Scoring.QueryAsync(q => q.ForCustomerAsync(actor, Id)) : Task.FromResult<CustomerScoresView?>(null);
        if (assets == AssetAccess.Shown)
        {
            // The overview tab opens first, so its trend is fetched alongside the header, each on its own DbContext.
            var summaryTask = Operations.QueryAsync(q => q.SummaryAsync(actor, Id));
            var trendTask = Operations.QueryAsync(q => q.BalanceTrendAsync(actor, Id));
            summary = await summaryTask;
            trend = await trendTask ?? [];
            aumChange = trend.Count >= 2 ? Percent.Change(trend[^2].Balance, trend[^1].Balance) : null;
            header = summary?.ToHeader();
        }
        else
        {
            summary = null;
            header = await Operations.QueryAsync(q => q.HeaderAsync(actor, Id));
        }

        scores = await scoresTask;
        loadedId = Id;
        loading = false;

        // One entry per page load, by the same rule as the 360 API: a sensitive read when AUM, balances and the latest
        // transactions are shown, else a read of the masked header.
        if (header is null)
        {
            await Audit.DeniedIfExistsAsync(actor, Id, "360");
        }
        else
        {
            await Audit.Viewed360Async(actor, Id, assetsShown: summary is not null, StepUp.Purpose(user));
        }
    }
}
