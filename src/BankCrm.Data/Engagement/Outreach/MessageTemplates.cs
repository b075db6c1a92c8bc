using System.Collections.Concurrent;
using BankCrm.Core.Common;
using Fluid;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>
/// What a message template may read. Customers are addressed by salutation (张先生, 王女士, or the company's name),
/// never by full name or ID, so a rendered message shown on the outbox page discloses no more than the basic view.
/// </summary>
public sealed record MessageModel(
    string CustomerSalutation,
    string RmName,
    string RmPhone,
    string BranchName,
    string? ProductName,
    string? Offer,
    DateOnly Today)
{
    /// <summary>The variables a template may use, with what each holds (shown to editors).</summary>
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["customer_name"] = "客户称呼，如 张先生 / 王女士 / 企业名称",
        ["rm_name"] = "客户经理姓名",
        ["rm_phone"] = "客户经理联系电话",
        ["branch_name"] = "所属网点",
        ["product_name"] = "产品名称",
        ["offer"] = "优惠或活动内容",
        ["today"] = "今天的日期 (yyyy-MM-dd)",
    };

    /// <summary>A model with sample values, for previews and for checking a template before it is saved.</summary>
    public static MessageModel Sample { get; } = new("张先生", "李明", "021-5888 0000", "上海陆家嘴支行", "稳健理财 90 天", "新客专享 3.2% 理财", new DateOnly(2026, 12, 1));
}

/// <summary>
/// Message templates in Liquid (Fluid): data, never code. Only the variables of <see cref="MessageModel"/> exist,
/// a template that names another or does not parse is refused with the reason, and rendering is bounded in steps and
/// output, so a template typed by marketing cannot read other data or run away.
/// </summary>
public static class MessageTemplates
{
    public const int MaxTemplateLength = 4000;

    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithMaxRecursion(5).WithMaxSteps(10_000).WithMaxOutputSize(16_000).WithMaxCollectionSize(100)
        .Build();

    private static readonly TemplateOptions StrictOptions = new TemplateOptionsBuilder()
        .WithMaxRecursion(5).WithMaxSteps(10_000).WithMaxOutputSize(16_000).WithMaxCollectionSize(100)
        .WithStrictVariables(true)
        .Build();

    /// <summary>Null when the template is usable; otherwise the reason, in Chinese, for the field's error message.</summary>
    public static string? Validate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return "模板不能为空";
        }

        if (template.Length > MaxTemplateLength)
        {
            return $"模板不能超过 {MaxTemplateLength} 个字";
        }

        if (!Parser.TryParse(template, out var parsed, out var error))
        {
            return $"模板语法错误：{error}";
        }

        try
        {
            _ = parsed.Render(Context(MessageModel.Sample, StrictOptions));
            return null;
        }
        catch (FluidException unknown)
        {
            return $"模板只能使用这些变量：{string.Join("、", MessageModel.Variables.Keys)}（{unknown.Message}）";
        }
    }

    /// <summary>
    /// Checks a message's subject (may be empty: SMS and WeCom have none) and body for an editor, each error naming its
    /// field ("subject", "body"), so the form shows it next to the field and the API answers with it.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateFields(string? subject, string? body)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrWhiteSpace(subject) && Validate(subject) is { } subjectError)
        {
            errors.Add(new FieldError("subject", "template", "标题模板：" + subjectError));
        }

        if (Validate(body) is { } bodyError)
        {
            errors.Add(new FieldError("body", "template", "正文模板：" + bodyError));
        }

        return errors;
    }

    /// <summary>Renders a template that <see cref="Validate"/> accepted; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static string Render(string template, MessageModel model)
    {
        var parsed = Parsed.GetOrAdd(template, static source => Parser.TryParse(source, out var t, out var error)
            ? t
            : throw new ArgumentException($"模板语法错误：{error}", nameof(template)));
        return parsed.Render(Context(model, Options));
    }

    private static TemplateContext Context(MessageModel model, TemplateOptions options)
    {
        var context = new TemplateContext(options);
        context.SetValue("customer_name", model.CustomerSalutation);
        context.SetValue("rm_name", model.RmName);
        context.SetValue("rm_phone", model.RmPhone);
        context.SetValue("branch_name", model.BranchName);
        context.SetValue("product_name", model.ProductName ?? string.Empty);
        context.SetValue("offer", model.Offer ?? string.Empty);
        context.SetValue("today", model.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return context;
    }
}
