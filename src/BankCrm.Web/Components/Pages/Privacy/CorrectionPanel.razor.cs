using BankCrm.Core.Privacy;
using BankCrm.Data.Privacy;
using BankCrm.Web.Identity;
using BankCrm.Web.Privacy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages.Privacy;

/// <summary>Propose field changes (any handler) and approve or reject them (compliance, never the proposer).</summary>
public sealed partial class CorrectionPanel
{
    private readonly List<Row> rows = [new()];
    private string? decisionNote;
    private string? error;
    private bool busy;

    [Parameter, EditorRequired]
    public RequestDetail Request { get; set; } = default!;

    [Parameter]
    public string? CurrentUserId { get; set; }

    [Parameter]
    public EventCallback Changed { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PrivacyOperations Operations { get; set; } = default!;

    private bool MayPropose =>
        Request.Status is RequestStatus.Received or RequestStatus.InProgress && Request.Corrections.All(c => c.State != CorrectionState.Proposed);

    private async Task ProposeAsync()
    {
        var changes = rows.Where(r => r.Field is not null).GroupBy(r => r.Field!).ToDictionary(g => g.Key, g => g.Last().Value);
        await RunAsync(actor => Operations.RunAsync(async s => (await s.Corrections.ProposeAsync(actor, Request.Id, changes)).Problem));
    }

    private Task DecideAsync(long proposalId, bool approve) =>
        RunAsync(actor => Operations.RunAsync(async s => (await s.Corrections.DecideAsync(actor, Request.Id, proposalId, approve, decisionNote)).Problem));

    private async Task RunAsync(Func<Core.Organization.Actor, Task<PrivacyProblem?>> action)
    {
        busy = true;
        error = null;
        var problem = await action(await AuthenticationState.ToActorAsync());
        busy = false;
        if (problem is not null)
        {
            error = problem.Message;
            return;
        }

        rows.Clear();
        rows.Add(new Row());
        decisionNote = null;
        await Changed.InvokeAsync();
    }

    private sealed class Row
    {
        public string? Field { get; set; }

        public string? Value { get; set; }
    }
}
