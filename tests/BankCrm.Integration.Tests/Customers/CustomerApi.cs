using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using BankCrm.Core.Customers;
using BankCrm.Web.Customers;

namespace BankCrm.Integration.Tests.Customers;

/// <summary>The body of POST /api/v1/customers as a client writes it (enums as strings, camelCase).</summary>
public sealed record CustomerInput
{
    public string Type { get; init; } = "Individual";

    public string? Name { get; init; }

    public string? IdNumber { get; init; }

    public string? Gender { get; init; }

    public string? BirthDate { get; init; }

    public string? Mobile { get; init; }

    public string? Email { get; init; }

    public string? City { get; init; }

    public string? Industry { get; init; }

    public string? LegalRepresentative { get; init; }

    public int? BranchId { get; init; }

    public string? RelationshipManagerId { get; init; }
}

/// <summary>Unique, valid test customers and small helpers for the customer API.</summary>
public static class CustomerApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static int sequence;

    /// <summary>
    /// A valid resident ID no generated demo customer has: area 650102, born in the 1920s (the demo bank's
    /// customers are adults of working age), a date and sequence that never repeat within a test run.
    /// </summary>
    public static string NextIdNumber()
    {
        var n = Interlocked.Increment(ref sequence);
        return ResidentIdNumber.Compose("650102", new DateOnly(1920, 1, 1).AddDays(n), n % 1000);
    }

    /// <summary>A valid mobile in the 199 segment, unique within a test run.</summary>
    public static string NextMobile() => $"1990{Interlocked.Increment(ref sequence) % 10_000_000:D7}";

    public static string NextCreditCode()
    {
        var body = $"91650102MA{Interlocked.Increment(ref sequence):D7}";
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    public static CustomerInput Individual(string name) => new() { Name = name, IdNumber = NextIdNumber(), Mobile = NextMobile() };

    public static CustomerInput Corporate(string name) => new()
    {
        Type = "Corporate",
        Name = name,
        IdNumber = NextCreditCode(),
        LegalRepresentative = "王建国",
        Industry = "批发和零售业",
    };

    public static async Task<CustomerResponse> CreateAsync(this HttpClient client, CustomerInput input)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/customers", input, Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/customers answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<CustomerResponse>(body, Json)!;
    }

    public static async Task<T> GetOkAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>The body of an error response, for checking problem details field by field.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static string[] Errors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages)
            ? [.. messages.EnumerateArray().Select(m => m.GetString()!)]
            : throw new Xunit.Sdk.XunitException($"No error for {field} in {problem}");
}
