using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BankCrm.Core.Common;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.HostileInput;

/// <summary>
/// The test app with the per-user API limit lifted (Security:ApiRateLimitPerMinute), over the same database: the
/// fuzz suite sends thousands of requests a minute on purpose.
/// </summary>
internal sealed class HostileHost(BankCrmApp app, WebApplicationFactory<Program> unthrottled)
{
    public BankCrmApp App => app;

    public WebApplicationFactory<Program> Factory => unthrottled;

    public static Task<HostileHost> ForAsync(BankCrmApp app) =>
        app.OnceAsync("hostile-host", () => Task.FromResult(new HostileHost(
            app, app.WithWebHostBuilder(builder => builder.UseSetting("Security:ApiRateLimitPerMinute", "1000000")))));

    public HttpClient Anonymous() => unthrottled.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// A client of the unthrottled host with the app's cached token for this demo login (a TOTP step-up for staff with
    /// holdings access): the app accepts each TOTP step once per user, so a new token per call would wait 30 s each.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        using var signedIn = await app.ClientForAsync(userName);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>A SHA-256 over every stored field of the customers with the lowest ids and their consents.</summary>
    public async Task<string> ChecksumOfEarlyCustomersAsync(int count)
    {
        await using var db = app.CreateDbContext();
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Id).Take(count).ToListAsync();
        var ids = customers.Select(c => c.Id).ToList();
        var consents = await db.ConsentRecords.AsNoTracking().Where(r => ids.Contains(r.CustomerId)).OrderBy(r => r.Id).ToListAsync();
        var text = new StringBuilder();
        foreach (var c in customers)
        {
            text.AppendJoin('|', c.Id, c.CustomerNumber, c.Type, c.Name, c.IdNumber, c.Gender, c.BirthDate, c.Mobile, c.Email, c.Province, c.City,
                c.District, c.AddressLine, c.Occupation, c.Industry, c.LegalRepresentative, c.ImportExportBusiness, c.BranchId, c.RelationshipManagerId,
                c.KycStatus, c.Version).Append('\n');
        }

        foreach (var r in consents)
        {
            text.AppendJoin('|', r.Id, r.CustomerId, r.Purpose, r.Channel, r.Granted, r.Source, r.RecordedAt.Ticks, r.RecordedBy, r.EvidenceNote, r.WithdrawnAt?.Ticks).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>What a text field must read back as: the input after the one documented normalisation.</summary>
    public static string? Stored(string input) => TextNormalizer.Clean(input) is { Length: > 0 } clean ? clean : null;

    /// <summary>A short, printable description of a hostile string for failure messages.</summary>
    public static string Show(string value) => JsonSerializer.Serialize(value.Length > 40 ? value[..40] + $"…({value.Length})" : value);

    /// <summary>Null when the response is a 2xx or a 4xx problem naming only allowed fields; else what is wrong.</summary>
    public static async Task<string?> ProblemOrSuccessAsync(HttpResponseMessage response, IReadOnlyCollection<string>? fields)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500 || status < 400)
        {
            return $"{status}: {(status >= 500 ? Cause(body) : Cut(body))}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} without problem details: {Cut(body)}";
        }

        if (fields is null || status != (int)HttpStatusCode.BadRequest)
        {
            return null;
        }

        using var problem = JsonDocument.Parse(body);
        if (!problem.RootElement.TryGetProperty("errors", out var errors) || !errors.EnumerateObject().Any())
        {
            return $"400 names no field: {Cut(body)}";
        }

        var unexpected = errors.EnumerateObject().Select(e => e.Name).Where(n => !fields.Contains(n)).ToList();
        return unexpected.Count == 0 ? null : $"400 names {string.Join(",", unexpected)} (expected one of {string.Join(",", fields)}): {Cut(body)}";
    }

    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];
    }

    /// <summary>The innermost message the developer exception page gives, else the start of the body.</summary>
    private static string Cause(string body)
    {
        var at = Math.Max(body.LastIndexOf("SQLite Error", StringComparison.Ordinal), body.LastIndexOf("PostgresException", StringComparison.Ordinal));
        return at < 0 ? Cut(body) : Cut(body[at..]);
    }

    private static string Cut(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
