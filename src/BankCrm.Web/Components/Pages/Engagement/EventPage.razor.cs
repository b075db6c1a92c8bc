using System.Globalization;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Events;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Data.Engagement.Events;
using BankCrm.Data.Segmentation.Segments;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Engagement;

/// <summary>One event: its details, inviting a segment, the attendee list with status changes and check-in, and follow-ups.</summary>
public sealed partial class EventPage
{
    private const string LocalFormat = "yyyy-MM-ddTHH:mm";
    private const int PageSize = 20;

    private bool loading = true;
    private bool notFound;
    private bool busy;
    private EventView? view;
    private IReadOnlyList<SegmentListItem> segments = [];
    private long? inviteSegmentId;
    private PagedResult<AttendeeLine>? attendees;
    private int attendeePage = 1;
    private IReadOnlyList<FieldError> errors = [];
    private string title = string.Empty;
    private string? description;
    private string startsAt = string.Empty;
    private string location = string.Empty;
    private int capacity = 30;
    private EventStatus status = EventStatus.Planned;

    [Parameter]
    public long? Id { get; set; }

    [Inject]
    private EventStore Events { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    [Inject]
    private EventAttendance Attendance { get; set; } = default!;

    [Inject]
    private SegmentStore Segments { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        segments = await Segments.ListAsync(await AuthenticationState.ToActorAsync(), CancellationToken.None);
        if (Id is { } id)
        {
            await LoadAsync(id);
        }
        else
        {
            startsAt = ChinaTime.Now(Time).AddDays(14).Date.AddHours(14).ToString(LocalFormat, CultureInfo.InvariantCulture);
        }

        loading = false;
    }

    private async Task LoadAsync(long id)
    {
        view = (await Events.GetAsync(id, CancellationToken.None)).Value;
        notFound = view is null;
        if (view is null)
        {
            return;
        }

        (title, description, location, capacity, status) = (view.Title, view.Description, view.Location, view.Capacity, view.Status);
        startsAt = ChinaTime.FromUtc(view.StartsAt).ToString(LocalFormat, CultureInfo.InvariantCulture);
        await LoadAttendeesAsync(attendeePage);
    }

    private async Task LoadAttendeesAsync(int page)
    {
        attendeePage = page;
        var actor = await AuthenticationState.ToActorAsync();
        attendees = (await Attendance.ListAsync(actor, Id!.Value, null, page, PageSize, CancellationToken.None)).Value;
        await Audit.ShownAsync(actor, "event.attendees", attendees, new { eventId = Id, page });
    }

    private string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private async Task SaveAsync()
    {
        busy = true;
        var local = LocalTimes.Parse(startsAt);
        var result = await Events.SaveAsync(await AuthenticationState.ToActorAsync(), Id, new EventInput(title, description, local, location, capacity, null, status), CancellationToken.None);
        busy = false;
        errors = result.Problem?.Errors ?? [];
        if (result.Value is { } saved)
        {
            Snackbar.Add("活动已保存", Severity.Success);
            if (Id is null)
            {
                Navigation.NavigateTo($"/engagement/events/{saved.Id}");
                return;
            }

            await LoadAsync(saved.Id);
        }
    }

    private async Task InviteAsync()
    {
        if (inviteSegmentId is not { } segmentId)
        {
            Snackbar.Add("请选择要邀请的客群", Severity.Warning);
            return;
        }

        busy = true;
        var result = await Attendance.InviteSegmentAsync(await AuthenticationState.ToActorAsync(), Id!.Value, segmentId, CancellationToken.None);
        busy = false;
        Report(result, r => $"已邀请 {r.Invited} 位客户，跳过 {r.Skipped} 位（已在名单中或不可联系）");
        await LoadAsync(Id!.Value);
    }

    private async Task MoveAsync(AttendeeLine attendee, AttendeeStatus to)
    {
        var result = await Attendance.MoveAsync(await AuthenticationState.ToActorAsync(), Id!.Value, attendee.CustomerId, to, CancellationToken.None);
        Report(result, r => $"{r.MaskedName}：{EventRules.Label(r.Status)}");
        await LoadAsync(Id!.Value);
    }

    private async Task FollowUpsAsync()
    {
        busy = true;
        var result = await Attendance.CreateFollowUpsAsync(await AuthenticationState.ToActorAsync(), Id!.Value, CancellationToken.None);
        busy = false;
        Report(result, r => r.Created == 0 ? "没有需要新建回访任务的签到客户" : $"已为 {r.Created} 位签到客户新建回访任务，交给其客户经理");
        await LoadAsync(Id!.Value);
    }

    private void Report<T>(EngagementResult<T> result, Func<T, string> done)
    {
        if (result.Value is { } value)
        {
            Snackbar.Add(done(value), Severity.Success);
        }
        else
        {
            Snackbar.Add(result.Problem!.Message, Severity.Error);
        }
    }
}
