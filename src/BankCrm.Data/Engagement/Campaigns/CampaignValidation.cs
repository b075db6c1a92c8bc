using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Data.Engagement.Outreach;

namespace BankCrm.Data.Engagement.Campaigns;

/// <summary>Checks a draft field by field; every error names the field and the rule in Chinese.</summary>
public static class CampaignValidation
{
    public const string Preferred = "preferred";

    public static (Campaign? Values, List<FieldError> Errors) Check(CampaignInput input, DateTime now)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string rule, string message) => errors.Add(new FieldError(field, rule, message));

        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 100)
        {
            Fail("name", "length", "活动名称必填，最长 100 个字");
        }

        if (input.SegmentId is null)
        {
            Fail("segmentId", "required", "请选择客群");
        }

        var offer = input.Offer?.Trim() ?? string.Empty;
        if (offer.Length > 500)
        {
            Fail("offer", "length", "优惠内容最长 500 个字");
        }

        var strategy = string.IsNullOrWhiteSpace(input.ChannelStrategy) ? Preferred : input.ChannelStrategy.Trim();
        if (!string.Equals(strategy, Preferred, StringComparison.OrdinalIgnoreCase) && !Enum.TryParse<ContactChannel>(strategy, ignoreCase: true, out _))
        {
            Fail("channelStrategy", "channel", "渠道只能是 preferred（客户偏好）或 Sms、Email、WeCom、AppPush、Phone");
        }

        var subject = input.Subject?.Trim() ?? string.Empty;
        if (subject.Length is 0 or > 100)
        {
            Fail("subject", "length", "消息标题必填，最长 100 个字");
        }

        if (MessageTemplates.Validate(input.Template) is { } templateError)
        {
            Fail("template", "template", templateError);
        }

        if (input.ScheduledAt is null)
        {
            Fail("scheduledAt", "required", "请填写发送时间");
        }
        else if (input.ScheduledAt.Value.UtcDateTime < now.AddMinutes(-1))
        {
            Fail("scheduledAt", "future", "发送时间不能早于现在");
        }

        var control = input.ControlPercent ?? 10;
        if (control is < 0 or > ControlGroup.MaxPercent)
        {
            Fail("controlPercent", "range", $"对照组比例须在 0–{ControlGroup.MaxPercent}% 之间");
        }

        var window = input.ConversionWindowDays ?? 30;
        if (window is < 1 or > 365)
        {
            Fail("conversionWindowDays", "range", "转化观察期须在 1–365 天之间");
        }

        if (input.CostPerMessage is < 0m or > 1000m)
        {
            Fail("costPerMessage", "range", "单条消息成本须在 0–1000 元之间");
        }

        if (input.ValuePerConversion is < 0m or > 100_000_000m)
        {
            Fail("valuePerConversion", "range", "单次转化价值不能为负数");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Campaign
        {
            Name = name,
            SegmentId = input.SegmentId!.Value,
            Offer = offer,
            ProductId = input.ProductId,
            ChannelStrategy = Enum.TryParse<ContactChannel>(strategy, ignoreCase: true, out var channel) ? channel.ToString() : Preferred,
            Subject = subject,
            Template = input.Template!,
            ScheduledAt = input.ScheduledAt!.Value.UtcDateTime,
            ControlPercent = control,
            ConversionWindowDays = window,
            CostPerMessage = input.CostPerMessage ?? 0m,
            ValuePerConversion = input.ValuePerConversion ?? 0m,
        }, errors);
    }

    /// <summary>"preferred" → null (the outbox picks the customer's best consented channel at send time).</summary>
    public static ContactChannel? ChannelOf(string strategy) =>
        Enum.TryParse<ContactChannel>(strategy, ignoreCase: true, out var channel) && !string.Equals(strategy, Preferred, StringComparison.OrdinalIgnoreCase) ? channel : null;
}
