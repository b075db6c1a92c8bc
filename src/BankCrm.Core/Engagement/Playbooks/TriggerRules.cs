using System.Globalization;
using BankCrm.Core.Common;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>The parameters each trigger kind needs, and their ranges.</summary>
internal static class TriggerRules
{
    public const int MaxHours = 720;
    public const int MaxMonths = 360;
    public const int MaxDays = 365;

    public static void Validate(PlaybookTrigger trigger, List<FieldError> errors)
    {
        void Fail(string member, string rule, string message) =>
            errors.Add(new FieldError($"trigger.{member}", rule, $"触发条件「{PlaybookVocabulary.TriggerLabel(trigger.Kind)}」：{message}"));

        switch (trigger.Kind)
        {
            case TriggerKind.AccountOpened:
                Range(trigger.Hours, "hours", 1, MaxHours, "开户后的小时数", Fail);
                break;
            case TriggerKind.StageChanged:
                if (!PlaybookVocabulary.TryStage(trigger.Stage, out _))
                {
                    Fail("stage", "choice", "请选择生命周期阶段：新客培育期、成长期、成熟期或衰退预警期");
                }

                break;
            case TriggerKind.MortgageRepaidMonths:
                Range(trigger.Months, "months", 1, MaxMonths, "还款月数", Fail);
                break;
            case TriggerKind.LoanMaturityInDays:
                Range(trigger.Days, "days", 1, MaxDays, "到期前天数", Fail);
                break;
            case TriggerKind.Holiday:
                ValidateDates(trigger.HolidayDates, Fail);
                break;
            case TriggerKind.SegmentEntry:
                if (trigger.SegmentId is not > 0)
                {
                    Fail("segmentId", "required", "请选择客群");
                }

                break;
            case TriggerKind.NeedDetected:
                if (!PlaybookValidator.IsNeed(trigger.NeedCode))
                {
                    Fail("needCode", "choice", $"「{trigger.NeedCode}」不是已知的需求，可选：{string.Join("、", Segmentation.Scoring.NeedRules.All)}");
                }

                break;
            case TriggerKind.Recurring:
                if (trigger.Every is null || !PlaybookVocabulary.Periods.Contains(trigger.Every))
                {
                    Fail("every", "choice", "周期只能是每月 (monthly) 或每季 (quarterly)");
                }

                break;
            case TriggerKind.Birthday:
                break;
            default:
                errors.Add(new FieldError("trigger.kind", "choice", "请选择触发条件类型"));
                break;
        }
    }

    private static void Range(int? value, string member, int min, int max, string label, Action<string, string, string> fail)
    {
        if (value is null)
        {
            fail(member, "required", $"请填写{label}（{min}–{max}）");
        }
        else if (value < min || value > max)
        {
            fail(member, "range", $"{label}必须在 {min} 到 {max} 之间");
        }
    }

    private static void ValidateDates(IReadOnlyList<string>? dates, Action<string, string, string> fail)
    {
        if (dates is null || dates.Count == 0)
        {
            fail("holidayDates", "required", "请至少填写一个节日日期（yyyy-MM-dd）");
            return;
        }

        if (dates.Count > PlaybookValidator.MaxHolidayDates)
        {
            fail("holidayDates", "max", $"最多 {PlaybookValidator.MaxHolidayDates} 个日期");
            return;
        }

        foreach (var date in dates)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                fail("holidayDates", "date", $"「{date}」不是 yyyy-MM-dd 格式的日期");
                return;
            }
        }

        if (dates.Distinct(StringComparer.Ordinal).Count() != dates.Count)
        {
            fail("holidayDates", "unique", "日期不能重复");
        }
    }
}
