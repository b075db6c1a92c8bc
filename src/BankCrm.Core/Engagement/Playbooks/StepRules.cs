using BankCrm.Core.Common;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>The fields each step kind needs. Branches only jump forward, so a journey always ends and runs each step at most once.</summary>
internal static class StepRules
{
    public const int MaxWaitHours = 2160;
    public const int MaxBranchWaitHours = 720;
    public const int MaxDueInDays = 90;
    public const int MaxProductNameLength = 50;
    public const int MaxOfferLength = 200;

    public static void Validate(IReadOnlyList<PlaybookStep> steps, Func<string?, string?> checkTemplate, List<FieldError> errors)
    {
        if (steps.Count == 0)
        {
            errors.Add(new FieldError("steps", "required", "至少需要一个步骤"));
            return;
        }

        if (steps.Count > PlaybookValidator.MaxSteps)
        {
            errors.Add(new FieldError("steps", "max", $"最多 {PlaybookValidator.MaxSteps} 个步骤"));
            return;
        }

        if (!steps.Any(s => s.Kind is StepKind.SendMessage or StepKind.CreateTask))
        {
            errors.Add(new FieldError("steps", "action", "至少需要一个「发送消息」或「创建任务」步骤"));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var index = i;
            void Fail(string member, string rule, string message) =>
                errors.Add(new FieldError($"steps[{index}].{member}", rule, $"第 {index + 1} 步（{PlaybookVocabulary.StepLabel(step.Kind)}）：{message}"));

            switch (step.Kind)
            {
                case StepKind.SendMessage:
                    ValidateMessage(step, checkTemplate, Fail);
                    break;
                case StepKind.Wait:
                    Range(step.WaitHours, "waitHours", 1, MaxWaitHours, "等待小时数", Fail);
                    break;
                case StepKind.CreateTask:
                    ValidateTask(step, Fail);
                    break;
                case StepKind.BranchOnResponse:
                    ValidateBranch(steps, index, Fail);
                    break;
                case StepKind.Exit:
                    break;
                default:
                    Fail("kind", "choice", "请选择步骤类型");
                    break;
            }
        }

        if (PlaybookJson.WriteSteps(steps).Length > PlaybookValidator.MaxStepsJson)
        {
            errors.Add(new FieldError("steps", "length", $"步骤内容合计过长（最多 {PlaybookValidator.MaxStepsJson} 个字符），请精简模板"));
        }
    }

    private static void ValidateMessage(PlaybookStep step, Func<string?, string?> checkTemplate, Action<string, string, string> fail)
    {
        if (!PlaybookVocabulary.TryChannel(step.Channel, out _))
        {
            fail("channel", "choice", "渠道只能是短信、邮件、企业微信、App 推送、电话，或留空（客户偏好渠道）");
        }

        if (!PlaybookVocabulary.TryPurpose(step.Purpose, out _))
        {
            fail("purpose", "choice", "请选择消息用途：服务通知 (Service) 或营销 (Marketing)");
        }

        if (string.IsNullOrWhiteSpace(step.Subject) || step.Subject.Length > PlaybookValidator.MaxSubjectLength)
        {
            fail("subject", "length", $"标题必填，最长 {PlaybookValidator.MaxSubjectLength} 个字");
        }

        if (checkTemplate(step.Template) is { } reason)
        {
            fail("template", "template", reason);
        }

        if (step.ProductName?.Length > MaxProductNameLength)
        {
            fail("productName", "length", $"产品名称最长 {MaxProductNameLength} 个字");
        }

        if (step.Offer?.Length > MaxOfferLength)
        {
            fail("offer", "length", $"优惠内容最长 {MaxOfferLength} 个字");
        }
    }

    private static void ValidateTask(PlaybookStep step, Action<string, string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(step.TaskTitle) || step.TaskTitle.Length > PlaybookValidator.MaxTaskTitleLength)
        {
            fail("taskTitle", "length", $"任务标题必填，最长 {PlaybookValidator.MaxTaskTitleLength} 个字");
        }

        if (step.TaskReason?.Length > PlaybookValidator.MaxTaskReasonLength)
        {
            fail("taskReason", "length", $"任务原因最长 {PlaybookValidator.MaxTaskReasonLength} 个字");
        }

        if (!PlaybookVocabulary.TryUrgency(step.Urgency, out _))
        {
            fail("urgency", "choice", "请选择紧急程度：低、普通、高或紧急");
        }

        Range(step.DueInDays, "dueInDays", 0, MaxDueInDays, "完成期限天数", fail);
        if (step.Questionnaire is { } questions)
        {
            if (questions.Count > PlaybookValidator.MaxQuestions)
            {
                fail("questionnaire", "max", $"初筛问卷最多 {PlaybookValidator.MaxQuestions} 个问题");
            }
            else if (questions.Any(q => string.IsNullOrWhiteSpace(q) || q.Length > PlaybookValidator.MaxQuestionLength))
            {
                fail("questionnaire", "length", $"初筛问题不能为空，每个最长 {PlaybookValidator.MaxQuestionLength} 个字");
            }
            else if (questions.Distinct(StringComparer.Ordinal).Count() != questions.Count)
            {
                fail("questionnaire", "unique", "初筛问题不能重复");
            }
        }
    }

    private static void ValidateBranch(IReadOnlyList<PlaybookStep> steps, int index, Action<string, string, string> fail)
    {
        Range(steps[index].WaitHours, "waitHours", 1, MaxBranchWaitHours, "等待回复的小时数", fail);
        if (!steps.Take(index).Any(s => s.Kind == StepKind.SendMessage))
        {
            fail("kind", "order", "按回复分支之前必须先有「发送消息」步骤");
        }

        Target(steps[index].OnResponseGoTo, "onResponseGoTo", "已回复", steps.Count, index, fail);
        Target(steps[index].OnNoResponseGoTo, "onNoResponseGoTo", "未回复", steps.Count, index, fail);
    }

    private static void Target(int? target, string member, string label, int count, int index, Action<string, string, string> fail)
    {
        if (target is null)
        {
            fail(member, "required", $"请选择{label}时跳转到的步骤");
        }
        else if (target <= index || target > count)
        {
            var range = index + 2 <= count ? $"第 {index + 2} 到第 {count} 步，或「结束」" : "「结束」";
            fail(member, "range", $"{label}时只能跳转到后面的步骤：{range}");
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
}
