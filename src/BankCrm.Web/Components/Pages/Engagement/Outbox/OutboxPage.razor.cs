using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Web.Components.Shared;
using BankCrm.Web.Components.Shared.Formatting;
using BankCrm.Web.Engagement.Outreach;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Engagement.Outbox;

/// <summary>发件箱: counts per status, the server-paged message list with its filters, the sink, dead letters and the suppression list.</summary>
public sealed partial class OutboxPage
{
    private readonly int[] pageSizes = [20, 50, 100];
    private MudTable<OutboxListItem>? table;
    private MessageStatus? status;
    private ContactChannel? channel;
    private MessageSource? source;
    private DateTime? from;
    private DateTime? to;
    private int total;
    private OutboxCounts counts = new(new Dictionary<MessageStatus, int>());

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private OutreachOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    private OutboxFilter Filter(int page, int pageSize) => new()
    {
        Status = status,
        Channel = channel,
        Source = source,
        From = from is { } f ? DateOnly.FromDateTime(f) : null,
        To = to is { } t ? DateOnly.FromDateTime(t) : null,
        Page = page,
        PageSize = pageSize,
    };

    private async Task<TableData<OutboxListItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var actor = await AuthenticationState.ToActorAsync();
        var filter = Filter(state.Page + 1, state.PageSize);
        var (result, newCounts) = await Operations.RunAsync(async s => (await s.Outbox.ListAsync(actor, filter, cancellationToken), await s.Outbox.CountsAsync(actor, filter, cancellationToken)));
        total = result.Total;
        await Audit.ShownAsync(actor, "outbox", result.Items, new { page = state.Page + 1 }, cancellationToken);
        if (!SameCounts(counts, newCounts))
        {
            // The chips above the table belong to the page, which the table's reload does not render.
            counts = newCounts;
            await InvokeAsync(StateHasChanged);
        }

        return new TableData<OutboxListItem> { Items = result.Items, TotalItems = result.Total };
    }

    private async Task RefreshCountsAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        var filter = Filter(1, 1);
        counts = await Operations.RunAsync(s => s.Outbox.CountsAsync(actor, filter));
        await table.ReloadFromFirstPageAsync();
    }

    private static bool SameCounts(OutboxCounts a, OutboxCounts b) =>
        Enum.GetValues<MessageStatus>().All(s => a.Of(s) == b.Of(s));

    private static string When(OutboxListItem item) => item switch
    {
        { SentAt: { } sent } => Dates.Minute(sent),
        { Status: MessageStatus.Pending or MessageStatus.Sending } => "→ " + Dates.Minute(item.NextAttemptAt),
        _ => "—",
    };

    private Task OnStatusChanged(MessageStatus? value)
    {
        status = value;
        return table.ReloadFromFirstPageAsync();
    }

    private Task OnChannelChanged(ContactChannel? value)
    {
        channel = value;
        return table.ReloadFromFirstPageAsync();
    }

    private Task OnSourceChanged(MessageSource? value)
    {
        source = value;
        return table.ReloadFromFirstPageAsync();
    }

    private Task OnFromChanged(DateTime? value)
    {
        from = value;
        return table.ReloadFromFirstPageAsync();
    }

    private Task OnToChanged(DateTime? value)
    {
        to = value;
        return table.ReloadFromFirstPageAsync();
    }
}
