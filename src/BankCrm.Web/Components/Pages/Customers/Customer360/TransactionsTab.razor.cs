using BankCrm.Core.Holdings;
using BankCrm.Data.Customers;
using BankCrm.Web.Audit;
using BankCrm.Web.Components.Shared;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

public sealed partial class TransactionsTab
{
    private readonly int[] pageSizes = [20, 50, 100];
    private MudTable<TransactionLine>? table;
    private DateRange? range;
    private TransactionKind? kind;
    private TransactionChannel? channel;
    private decimal? minAmount;
    private decimal? maxAmount;
    private int total;
    private bool audited;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    [Inject]
    private CustomerAudit Audit { get; set; } = default!;

    private async Task<TableData<TransactionLine>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var actor = await AuthenticationState.ToActorAsync();
        var filter = new TransactionFilter
        {
            // The picker's dates are calendar days as the user sees them (China time); the query converts.
            From = range?.Start is { } start ? DateOnly.FromDateTime(start) : null,
            To = range?.End is { } end ? DateOnly.FromDateTime(end) : null,
            Kind = kind,
            Channel = channel,
            MinAmount = minAmount,
            MaxAmount = maxAmount,
            Page = state.Page + 1,
            PageSize = state.PageSize,
        };
        var result = await Operations.QueryAsync(q => q.TransactionsAsync(actor, CustomerId, filter, cancellationToken));
        total = result?.Total ?? 0;

        // One entry per opening of the tab, not one per page or filter change.
        if (result is not null && !audited)
        {
            audited = true;
            await Audit.ViewedSensitiveAsync(actor, CustomerId, CustomerAudit.Transactions, cancellationToken: cancellationToken);
        }
        return new TableData<TransactionLine> { Items = result?.Items ?? [], TotalItems = total };
    }

    private Task OnRangeChanged(DateRange? value)
    {
        range = value;
        return ReloadAsync();
    }

    private Task OnKindChanged(TransactionKind? value)
    {
        kind = value;
        return ReloadAsync();
    }

    private Task OnChannelChanged(TransactionChannel? value)
    {
        channel = value;
        return ReloadAsync();
    }

    private Task OnMinChanged(decimal? value)
    {
        minAmount = value;
        return ReloadAsync();
    }

    private Task OnMaxChanged(decimal? value)
    {
        maxAmount = value;
        return ReloadAsync();
    }

    private Task ReloadAsync() => table.ReloadFromFirstPageAsync();
}
