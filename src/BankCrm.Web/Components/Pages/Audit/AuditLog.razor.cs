using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Web.Audit;
using BankCrm.Web.Components.Shared;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Audit;

/// <summary>The auditor's view of the audit log: filters, a server-paged table and the chain check with progress.</summary>
public sealed partial class AuditLog
{
    private readonly int[] pageSizes = [50, 100, 200];
    private MudTable<AuditLine>? table;
    private string? user;
    private string? customer;
    private string? action;
    private DateRange? range;
    private int total;
    private bool verifying;
    private long verifiedCount;
    private long totalToVerify;
    private AuditVerification? verification;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CrmDbContextFactory Factory { get; set; } = default!;

    [Inject]
    private AuditVerifier Verifier { get; set; } = default!;

    [Inject]
    private AuditTrail Trail { get; set; } = default!;

    private async Task<TableData<AuditLine>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var filter = new AuditLogFilter
        {
            User = user,
            Customer = customer,
            Action = action,

            // The picker's days are China calendar days: from its midnight to the next day's midnight.
            From = range?.Start is { } start ? ChinaMidnightUtc(start) : null,
            To = range?.End is { } end ? ChinaMidnightUtc(end.AddDays(1)) : null,
            Page = state.Page + 1,
            PageSize = state.PageSize,
        };
        await using var db = Factory.CreateDbContext();
        var result = await new AuditLogQuery(db).ListAsync(filter, cancellationToken);
        total = result.Total;
        return new TableData<AuditLine> { Items = result.Items, TotalItems = result.Total };
    }

    private async Task VerifyAsync()
    {
        verifying = true;
        verification = null;
        verifiedCount = 0;
        totalToVerify = await Verifier.CountAsync();
        StateHasChanged();
        var progress = new Progress<long>(count =>
        {
            verifiedCount = count;
            _ = InvokeAsync(StateHasChanged);
        });
        var actor = await AuthenticationState.ToActorAsync();
        verification = await AuditRun.VerifyAsync(Verifier, Trail, actor, progress, CancellationToken.None);
        verifying = false;
        await table.ReloadFromFirstPageAsync();
    }

    private static DateTime ChinaMidnightUtc(DateTime day) =>
        DateTime.SpecifyKind(day.Date - ChinaTime.Offset, DateTimeKind.Utc);

    private Task OnUserChanged(string? value)
    {
        user = value;
        return table.ReloadFromFirstPageAsync();
    }

    private Task OnCustomerChanged(string? value)
    {
        customer = value;
        return table.ReloadFromFirstPageAsync();
    }

    private Task OnActionChanged(string? value)
    {
        action = value;
        return table.ReloadFromFirstPageAsync();
    }

    private Task OnRangeChanged(DateRange? value)
    {
        range = value;
        return table.ReloadFromFirstPageAsync();
    }
}
