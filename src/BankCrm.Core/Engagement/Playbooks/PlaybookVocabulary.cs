using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Segmentation;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// The words a playbook's JSON may use for channels, purposes, urgencies and periods, with the Chinese names the
/// validator's messages and the journey history use (UX.md terms).
/// </summary>
public static class PlaybookVocabulary
{
    public const string Monthly = "monthly";
    public const string Quarterly = "quarterly";

    public static readonly IReadOnlyList<string> Periods = [Monthly, Quarterly];

    public static string StepLabel(StepKind kind) => kind switch
    {
        StepKind.SendMessage => "发送消息",
        StepKind.Wait => "等待",
        StepKind.CreateTask => "创建任务",
        StepKind.BranchOnResponse => "按回复分支",
        StepKind.Exit => "结束旅程",
        _ => kind.ToString(),
    };

    public static string TriggerLabel(TriggerKind kind) => kind switch
    {
        TriggerKind.AccountOpened => "开户",
        TriggerKind.StageChanged => "进入生命周期阶段",
        TriggerKind.MortgageRepaidMonths => "房贷还款满 N 个月",
        TriggerKind.LoanMaturityInDays => "贷款到期前 N 天",
        TriggerKind.Birthday => "客户生日",
        TriggerKind.Holiday => "节日",
        TriggerKind.SegmentEntry => "进入客群",
        TriggerKind.NeedDetected => "识别到需求",
        TriggerKind.Recurring => "定期（每月/每季）",
        _ => kind.ToString(),
    };

    public static string ChannelLabel(ContactChannel channel) => channel switch
    {
        ContactChannel.Sms => "短信",
        ContactChannel.Email => "邮件",
        ContactChannel.WeCom => "企业微信",
        ContactChannel.AppPush => "App 推送",
        ContactChannel.Phone => "电话",
        _ => channel.ToString(),
    };

    public static string StageLabel(LifecycleStage stage) => stage switch
    {
        LifecycleStage.New => "新客培育期",
        LifecycleStage.Growth => "成长期",
        LifecycleStage.Mature => "成熟期",
        LifecycleStage.DeclineWarning => "衰退预警期",
        _ => stage.ToString(),
    };

    /// <summary>A channel by its enum name; null for blank (the customer's preferred channel) and for unknown names.</summary>
    public static bool TryChannel(string? name, out ContactChannel? channel)
    {
        channel = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        if (Enum.TryParse<ContactChannel>(name, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _))
        {
            channel = parsed;
            return true;
        }

        return false;
    }

    public static bool TryPurpose(string? name, out MessagePurpose purpose) => TryName(name, out purpose);

    public static bool TryUrgency(string? name, out TaskUrgency urgency) => TryName(name, out urgency);

    public static bool TryStage(string? name, out LifecycleStage stage) => TryName(name, out stage);

    private static bool TryName<T>(string? name, out T value)
        where T : struct, Enum =>
        Enum.TryParse(name, ignoreCase: false, out value) && Enum.IsDefined(value) && !int.TryParse(name, out _);
}
