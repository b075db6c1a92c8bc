using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers.Sharing;
using BankCrm.Web.Components.Shared.Formatting;
using BankCrm.Web.Customers.Sharing;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

/// <summary>Shares the customer with a colleague until a date and time (China time), and lists and revokes running shares.</summary>
public sealed partial class ShareCustomerDialog
{
    private const int DefaultDays = 7;

    private ShareColleague? colleague;
    private DateTime? untilDate;
    private TimeSpan? untilTime;
    private string? reason;
    private string? colleagueError;
    private string? untilError;
    private string? reasonError;
    private bool saving;
    private IReadOnlyList<ShareLine>? shares;
    private Actor? actor;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private SharingOperations Operations { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public long CustomerId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
        ResetUntil();
        await LoadAsync();
    }

    private static string Describe(ShareColleague c) => c.BranchName is { Length: > 0 } branch ? $"{c.DisplayName}（{c.UserName} · {branch}）" : $"{c.DisplayName}（{c.UserName}）";

    private async Task<IEnumerable<ShareColleague>> SearchAsync(string? text, CancellationToken cancellationToken) =>
        await Operations.ColleaguesAsync(actor!, text, cancellationToken);

    // A week from now (or the maximum, if shorter), down to the hour, in China time: the dialog's default.
    private void ResetUntil()
    {
        var local = ChinaTime.Now(Time).AddDays(Math.Min(DefaultDays, Operations.MaxShareDays));
        var onTheHour = local.Date.AddHours(local.Hour);
        untilDate = onTheHour.Date;
        untilTime = onTheHour.TimeOfDay;
    }

    private DateTime? UntilUtc() =>
        untilDate is { } day && untilTime is { } time ? DateTime.SpecifyKind(day.Date.Add(time) - ChinaTime.Offset, DateTimeKind.Utc) : null;

    private async Task LoadAsync() =>
        shares = await Operations.ListActiveAsync(actor!, CustomerId) is ShareOutcome.Listed listed ? listed.Lines : [];

    private async Task ShareAsync()
    {
        colleagueError = untilError = reasonError = null;
        saving = true;
        var outcome = await Operations.ShareAsync(actor!, CustomerId, new ShareCustomer(colleague?.Id, UntilUtc(), reason));
        saving = false;
        switch (outcome)
        {
            case ShareOutcome.Shared shared:
                Snackbar.Add($"已共享给 {shared.Line.SharedWithName}，至 {Dates.Minute(shared.Line.ExpiresAt)}", Severity.Success);
                colleague = null;
                reason = null;
                ResetUntil();
                await LoadAsync();
                break;
            case ShareOutcome.Invalid invalid:
                colleagueError = Message(invalid, "sharedWithId");
                untilError = Message(invalid, "expiresAt");
                reasonError = Message(invalid, "reason");
                break;
            default:
                Snackbar.Add("无权共享该客户：只有客户的客户经理或本支行负责人可以共享。", Severity.Error);
                break;
        }
    }

    private async Task RevokeAsync(ShareLine share)
    {
        if (await Operations.RevokeAsync(actor!, CustomerId, share.Id) is ShareOutcome.Revoked)
        {
            Snackbar.Add($"已撤销对 {share.SharedWithName} 的共享；对方下次打开页面或请求时生效。", Severity.Success);
        }

        await LoadAsync();
    }

    private void Close() => Dialog.Close();

    private static string? Message(ShareOutcome.Invalid invalid, string field) =>
        invalid.Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
