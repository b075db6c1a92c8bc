using System.Globalization;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Data.Segmentation.Segments;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Engagement;

/// <summary>The campaign editor: the draft's fields with their rules, submit for approval, launch, and the send's progress.</summary>
public sealed partial class CampaignEdit : IDisposable
{
    private const string LocalFormat = "yyyy-MM-ddTHH:mm";

    private readonly CancellationTokenSource closing = new();
    private bool loading = true;
    private bool notFound;
    private bool busy;
    private CampaignView? campaign;
    private IReadOnlyList<SegmentListItem> segments = [];
    private IReadOnlyList<(int Id, string Name)> products = [];
    private IReadOnlyList<EngagementFieldError> errors = [];
    private Core.Common.PagedResult<CampaignMemberLine>? members;
    private int? segmentCount;
    private string? preview;
    private Form form = new();

    [Parameter]
    public long? Id { get; set; }

    [Inject]
    private CampaignStore Campaigns { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    [Inject]
    private CampaignMembersQuery Members { get; set; } = default!;

    [Inject]
    private SegmentStore Segments { get; set; } = default!;

    [Inject]
    private CrmDbContextFactory Factory { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Editable => campaign is null || CampaignLifecycle.IsEditable(campaign.Status);

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        var actor = await AuthenticationState.ToActorAsync();
        segments = await Segments.ListAsync(actor, CancellationToken.None);
        await using (var db = Factory.CreateDbContext())
        {
            products = [.. (await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync()).Select(p => (p.Id, p.Name))];
        }

        if (Id is { } id)
        {
            await LoadAsync(id);
        }
        else
        {
            form = new Form { ScheduledAt = ChinaTime.Now(Time).AddDays(1).Date.AddHours(10).ToString(LocalFormat, CultureInfo.InvariantCulture) };
        }

        loading = false;
        RenderPreview();
    }

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }

    private async Task LoadAsync(long id)
    {
        var found = await Campaigns.GetAsync(id, CancellationToken.None);
        notFound = found.Value is null;
        campaign = found.Value;
        if (campaign is null)
        {
            return;
        }

        form = Form.From(campaign);
        var actor = await AuthenticationState.ToActorAsync();
        segmentCount = await Segments.CountAsync(actor, campaign.SegmentId, CancellationToken.None);
        members = campaign.Progress.Members > 0 ? await Members.ListAsync(actor, id, null, 1, 10, CancellationToken.None) : null;
        await Audit.ShownAsync(actor, "campaign.members", members, new { campaignId = id });
        if (campaign.Status == CampaignStatus.Running)
        {
            _ = FollowSendAsync(id);
        }
    }

    /// <summary>Refreshes the progress every few seconds while the send job works through the segment.</summary>
    private async Task FollowSendAsync(long id)
    {
        try
        {
            while (!closing.IsCancellationRequested && campaign?.Status == CampaignStatus.Running)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), closing.Token);
                campaign = (await Campaigns.GetAsync(id, closing.Token)).Value;
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private void RenderPreview()
    {
        var problem = MessageTemplates.Validate(form.Template);
        var product = products.FirstOrDefault(p => p.Id == form.ProductId).Name;
        preview = problem ?? MessageTemplates.Render(form.Template!, MessageModel.Sample with { Offer = form.Offer, ProductName = product });
    }

    private void OnOfferChanged(string value)
    {
        form.Offer = value;
        RenderPreview();
    }

    private void OnProductChanged(int? value)
    {
        form.ProductId = value;
        RenderPreview();
    }

    private void OnTemplateChanged(string value)
    {
        form.Template = value;
        RenderPreview();
    }

    private string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private async Task SaveAsync()
    {
        busy = true;
        var actor = await AuthenticationState.ToActorAsync();
        var result = await Campaigns.SaveAsync(actor, Id, form.ToInput(), campaign?.Version, CancellationToken.None);
        busy = false;
        if (Show(result) is { } saved)
        {
            Snackbar.Add("已保存草稿", Severity.Success);
            if (Id is null)
            {
                Navigation.NavigateTo($"/engagement/campaigns/{saved.Id}");
                return;
            }

            await LoadAsync(saved.Id);
        }
    }

    private Task SubmitAsync() => StepAsync(actor => Campaigns.SubmitAsync(actor, Id!.Value, CancellationToken.None), "已提交审批");

    private Task LaunchAsync() => StepAsync(actor => Campaigns.LaunchAsync(actor, Id!.Value, CancellationToken.None), "已开始发送，发送进度见下方");

    private Task CancelAsync() => StepAsync(actor => Campaigns.CancelAsync(actor, Id!.Value, CancellationToken.None), "已取消");

    private async Task StepAsync(Func<Core.Organization.Actor, Task<EngagementResult<CampaignView>>> step, string done)
    {
        busy = true;
        var result = await step(await AuthenticationState.ToActorAsync());
        busy = false;
        if (Show(result) is not null)
        {
            Snackbar.Add(done, Severity.Success);
            await LoadAsync(Id!.Value);
        }
    }

    private CampaignView? Show(EngagementResult<CampaignView> result)
    {
        errors = result.Problem is { } problem
            ? problem.Errors.Count > 0 ? [.. problem.Errors.Select(e => new EngagementFieldError(e.Field, e.Message))] : [new EngagementFieldError("", problem.Message)]
            : [];
        return result.Value;
    }

    private sealed record EngagementFieldError(string Field, string Message);

    /// <summary>What the form holds, as typed.</summary>
    private sealed class Form
    {
        public string Name { get; set; } = string.Empty;

        public long? SegmentId { get; set; }

        public string Offer { get; set; } = string.Empty;

        public int? ProductId { get; set; }

        public string ChannelStrategy { get; set; } = CampaignValidation.Preferred;

        public string Subject { get; set; } = string.Empty;

        public string? Template { get; set; } = "{{ customer_name }}您好！{{ offer }}。详询您的客户经理 {{ rm_name }}（{{ rm_phone }}）。";

        public string ScheduledAt { get; set; } = string.Empty;

        public int ControlPercent { get; set; } = 10;

        public int ConversionWindowDays { get; set; } = 30;

        public decimal CostPerMessage { get; set; } = 0.05m;

        public decimal ValuePerConversion { get; set; }

        public static Form From(CampaignView c) => new()
        {
            Name = c.Name, SegmentId = c.SegmentId, Offer = c.Offer, ProductId = c.ProductId, ChannelStrategy = c.ChannelStrategy, Subject = c.Subject,
            Template = c.Template, ScheduledAt = ChinaTime.FromUtc(c.ScheduledAt).ToString(LocalFormat, CultureInfo.InvariantCulture),
            ControlPercent = c.ControlPercent, ConversionWindowDays = c.ConversionWindowDays, CostPerMessage = c.CostPerMessage, ValuePerConversion = c.ValuePerConversion,
        };

        /// <summary>The date and time are typed in China time.</summary>
        public CampaignInput ToInput() => new(
            Name, SegmentId, Offer, ProductId, ChannelStrategy, Subject, Template,
            LocalTimes.Parse(ScheduledAt),
            ControlPercent, ConversionWindowDays, CostPerMessage, ValuePerConversion);
    }
}
