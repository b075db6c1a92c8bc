using System.Text.Json;
using System.Text.Json.Nodes;

namespace BankCrm.Integration.Tests.HostileInput;

/// <summary>One parameter of an operation of the app's OpenAPI document.</summary>
internal sealed record OpenApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>One operation of the app's OpenAPI document (/openapi/v1.json), with its JSON body schema if any.</summary>
internal sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, JsonElement? Body)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Reads the operations of an OpenAPI 3.x document and makes JSON values from its schemas: a valid-looking sample to
/// start from, and the wrong values the fuzz puts in its place.
/// </summary>
internal sealed class OpenApiOperations(JsonElement document)
{
    private const int MaxDepth = 4;

    public IReadOnlyList<OpenApiOperation> All()
    {
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? Parameters(common) : [];
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var own) ? [.. shared, .. Parameters(own)] : shared;
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var schema)
                        ? Resolve(schema)
                        : null;
                operations.Add(new OpenApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }

        return operations;
    }

    /// <summary>A value that satisfies the schema's types (not necessarily the app's rules).</summary>
    public JsonNode? Sample(JsonElement schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values) && values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null) is { ValueKind: not JsonValueKind.Undefined } first)
        {
            return JsonNode.Parse(first.GetRawText());
        }

        return TypeOf(schema) switch
        {
            "string" => Format(schema) switch
            {
                "date" => "2026-01-15",
                "date-time" => "2026-01-15T08:00:00Z",
                "uuid" => Guid.Empty.ToString(),
                _ => "模糊测试",
            },
            "integer" => 1,
            "number" => 1.5m,
            "boolean" => true,
            "array" => depth >= MaxDepth || !schema.TryGetProperty("items", out var items) ? new JsonArray() : new JsonArray(Sample(items, depth + 1)),
            "object" => SampleObject(schema, depth),
            _ => null,
        };
    }

    /// <summary>The properties of an object schema, resolved.</summary>
    public IReadOnlyList<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => (p.Name, Resolve(p.Value)))] : [];
    }

    /// <summary>The JSON type of a schema, ignoring "null" in a 3.1 type list.</summary>
    public static string? TypeOf(JsonElement schema) => schema.ValueKind != JsonValueKind.Object ? null : schema.TryGetProperty("type", out var type)
        ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") : type.GetString()
        : schema.TryGetProperty("properties", out _) ? "object" : null;

    public static string? Format(JsonElement schema) => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    public static bool IsEnum(JsonElement schema) => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _);

    /// <summary>Follows $ref and takes the first non-null branch of oneOf/anyOf/allOf.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
                continue;
            }

            var branches = new[] { "oneOf", "anyOf", "allOf" }.Select(k => schema.TryGetProperty(k, out var b) ? b : default).FirstOrDefault(b => b.ValueKind == JsonValueKind.Array);
            if (branches.ValueKind != JsonValueKind.Array)
            {
                return schema;
            }

            schema = branches.EnumerateArray().FirstOrDefault(b => !(b.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return default;
            }
        }

        return schema;
    }

    private JsonObject SampleObject(JsonElement schema, int depth)
    {
        var sample = new JsonObject();
        if (depth >= MaxDepth)
        {
            return sample;
        }

        foreach (var (name, property) in Properties(schema))
        {
            sample[name] = property.ValueKind == JsonValueKind.Object ? Sample(property, depth + 1) : null;
        }

        return sample;
    }

    private List<OpenApiParameter> Parameters(JsonElement list) =>
    [
        .. list.EnumerateArray().Select(p => Resolve(p)).Select(p => new OpenApiParameter(
            p.GetProperty("name").GetString()!,
            p.GetProperty("in").GetString()!,
            p.TryGetProperty("required", out var required) && required.GetBoolean(),
            p.TryGetProperty("schema", out var schema) ? Resolve(schema) : default)),
    ];
}
