using BankCrm.Core.Segmentation;
using BankCrm.Data.Scoring;
using BankCrm.Web.Hosting;
using BankCrm.Web.Identity;
using BankCrm.Web.Scoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Scoring;

/// <summary>Admins start a scoring run and watch it; the run goes on in the background when they leave.</summary>
public sealed partial class ScoringRunsPage
{
    private readonly CancellationTokenSource stop = new();
    private List<ScoringRunLine> runs = [];
    private ScoringProgress? current;

    // The date of a run started from this page until the list shows it finished: a small bank is scored between two
    // polls, so "the runner is busy" alone would miss the whole run and leave the list as it was.
    private DateOnly? awaited;
    private DateTime? runDate;
    private bool force;
    private string? message;
    private Severity messageSeverity = Severity.Info;

    [Inject]
    private ScoringJobs Jobs { get; set; } = default!;

    [Inject]
    private ScoringOperations Operations { get; set; } = default!;

    [Inject]
    private IConfiguration Configuration { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private DateTime Today => Jobs.Today.ToDateTime(TimeOnly.MinValue);

    private bool Nightly => JobScheduler.IsEnabled(Configuration) && Configuration.GetValue("Scoring:Nightly", defaultValue: true);

    private string Cron => Configuration["Scoring:Cron"] is { Length: > 0 } cron ? cron : NightlyScoring.DefaultCron;

    protected override async Task OnInitializedAsync()
    {
        runDate = Today;
        await RefreshAsync();
        if (RendererInfo.IsInteractive)
        {
            _ = PollAsync();
        }
    }

    private async Task StartAsync()
    {
        var date = DateOnly.FromDateTime(runDate ?? Today);
        var started = await Jobs.StartAsync(await AuthenticationState.ToActorAsync(), date, force, stop.Token);
        awaited = started ? date : awaited;
        (message, messageSeverity) = started
            ? (string.Format(System.Globalization.CultureInfo.CurrentCulture, S["Admin.Started"], date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), Severity.Info)
            : (S["Admin.Busy"].Value, Severity.Warning);
        await RefreshAsync();
    }

    /// <summary>Once a second while the page is open: the progress bar and the runs list follow the run.</summary>
    private async Task PollAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var wasRunning = current is not null;
                current = Jobs.Current;
                if (current is not null || wasRunning || awaited is not null)
                {
                    await RefreshAsync();
                    if (current is null && runs.Any(r => r.RunDate == awaited && r.Status != ScoringRunStatus.Running))
                    {
                        awaited = null;
                    }

                    await InvokeAsync(StateHasChanged);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private async Task RefreshAsync()
    {
        current = Jobs.Current;
        runs = await Operations.QueryAsync(q => q.RunsAsync(30));
    }

    private static Color StatusColor(ScoringRunStatus status) => status switch
    {
        ScoringRunStatus.Completed => Color.Success,
        ScoringRunStatus.Failed => Color.Error,
        _ => Color.Info,
    };

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
    }
}
