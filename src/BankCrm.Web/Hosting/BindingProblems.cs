using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace BankCrm.Web.Hosting;

/// <summary>
/// A 400 for a request the minimal-API binder refused, naming what was wrong and the rule, never echoing the value.
/// The framework names the parameter in its message ("Failed to bind parameter "int? page" from "abc".",
/// "Required parameter "DateOnly from" was not provided from query string."), System.Text.Json names the field in
/// <see cref="JsonException.Path"/> ("$.type"); the endpoint's metadata gives their .NET types, and the type the rule.
/// </summary>
internal static partial class BindingProblems
{
    /// <param name="endpoint">The endpoint that refused (the exception handler has cleared it from the context).</param>
    public static IResult For(Endpoint? endpoint, BadHttpRequestException exception)
    {
        var status = exception.StatusCode is >= 400 and < 500 ? exception.StatusCode : StatusCodes.Status400BadRequest;
        var metadata = endpoint?.Metadata;
        var (name, rule) = exception.InnerException is JsonException json
            ? ForJson(json, metadata?.GetMetadata<IAcceptsMetadata>()?.RequestType)
            : ForParameter(exception.Message, metadata?.GetOrderedMetadata<IParameterBindingMetadata>() ?? []);
        return Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [rule] }, title: "请求参数无效", statusCode: status);
    }

    private static (string Name, string Rule) ForParameter(string message, IReadOnlyList<IParameterBindingMetadata> parameters)
    {
        if (message.StartsWith("Expected a supported JSON media type", StringComparison.Ordinal))
        {
            return ("body", "请求内容须为 JSON（Content-Type: application/json）");
        }

        var match = Parameter().Match(message);
        if (!match.Success || message.Contains("as JSON", StringComparison.Ordinal))
        {
            return ("body", "请求内容不是有效的 UTF-8 JSON");
        }

        var name = match.Groups["name"].Value;
        if (message.StartsWith("Implicit body", StringComparison.Ordinal) || message.Contains("from body", StringComparison.Ordinal))
        {
            return ("body", "缺少请求内容（JSON）");
        }

        if (message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return (name, "必填");
        }

        var type = parameters.FirstOrDefault(p => p.Name == name)?.ParameterInfo.ParameterType;
        return (name, type is null ? "格式不正确" : RuleFor(type));
    }

    private static (string Name, string Rule) ForJson(JsonException json, Type? body)
    {
        if (MissingProperty().Match(json.Message) is { Success: true } missing)
        {
            return (JsonNamingPolicy.CamelCase.ConvertName(missing.Groups["name"].Value), "必填");
        }

        var field = json.Path is null or "$" ? "body" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
        if (!json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return ("body", field == "body" ? "不是完整有效的 UTF-8 JSON" : $"不是完整有效的 UTF-8 JSON（中断于 {field}）");
        }

        return field == "body"
            ? ("body", body is null ? "类型不符" : RuleFor(body))
            : (field, TypeAt(body, field) is { } type ? RuleFor(type) : "类型不符");
    }

    /// <summary>The .NET type of the property at a JSON path ("holdings[2].amount") of the body type, if found.</summary>
    private static Type? TypeAt(Type? type, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var property = type?.GetProperty(part.Split('[')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            type = property?.PropertyType;
            for (var i = part.Count(c => c == '['); i > 0 && type is not null; i--)
            {
                type = ElementOf(type);
            }
        }

        return type;
    }

    /// <summary>The rule a value of this type must follow, in the words of the forms.</summary>
    private static string RuleFor(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(int) => "应为 -2147483648 到 2147483647 之间的整数",
            _ when type == typeof(long) => "应为整数（64 位范围内）",
            _ when type == typeof(short) || type == typeof(byte) => "应为范围内的整数",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "应为数字",
            _ when type == typeof(bool) => "应为 true 或 false",
            _ when type == typeof(DateOnly) => "应为日期，格式 yyyy-MM-dd",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "应为 ISO 8601 日期时间，如 2026-01-31T08:00:00Z",
            _ when type == typeof(TimeOnly) => "应为时间，格式 HH:mm",
            _ when type == typeof(Guid) => "应为 GUID",
            _ when type == typeof(string) => "应为字符串",
            { IsEnum: true } => "应为以下之一：" + string.Join(", ", Enum.GetNames(type)),
            _ when ElementOf(type) is not null => "应为数组",
            _ => "应为 JSON 对象",
        };
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    [GeneratedRegex("parameter \"(?:[^\"]+ )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    [GeneratedRegex("missing required properties,? including:? '(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperty();
}
