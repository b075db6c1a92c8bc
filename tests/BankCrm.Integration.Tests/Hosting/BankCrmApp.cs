using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// The real BankCrm web app over its own fresh database, shared by the tests of one class. The demo bank
/// is generated small; tests create the customers they need through the API and never rely on generated ones.
/// </summary>
public abstract class BankCrmApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int DemoCustomers = 200;

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset IssuedAt)> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> once = new(StringComparer.Ordinal);
    private readonly DemoLogins demoLogins = new();

    /// <summary>The field-encryption key file of this app (created on start), outside the user's data folder.</summary>
    public string KeyFile { get; } = Path.Combine(Path.GetTempPath(), $"bankcrm-test-keys-{Guid.NewGuid():N}.json");

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// The step-up before asset details is on, as in production (SecurityOptions' default); <see cref="ClientForAsync"/>
    /// signs staff with holdings access in the way a real user must to read balances. A fixture that turns it off
    /// says why.
    /// </summary>
    protected virtual bool AssetDetailsNeedStepUp => true;

    /// <summary>
    /// The Quartz scheduler (and with it the nightly scoring trigger) is off: tests run jobs' services at a time of
    /// their choosing. JobSchedulerTests turns it on to check the persistent clustered store itself.
    /// </summary>
    protected virtual bool SchedulerEnabled => false;

    /// <summary>
    /// The background training and scoring of a freshly generated demo bank is off: tests score when they mean to.
    /// DemoBankPictureTests turns it on to check it.
    /// </summary>
    protected virtual bool ScoreDemoBankOnStart => false;

    /// <summary>Set by <see cref="CreateDatabaseAsync"/> before the host starts.</summary>
    protected string ConnectionString { get; set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();

        // Building the host runs the real entry point: Program → CommandLine → AppHost.ServeAsync, which
        // migrates and seeds (DatabaseStartup) before the server starts. Check that it did, rather than trust it.
        _ = Server;
        var options = Services.GetRequiredService<DatabaseOptions>();
        if (options.Provider != Provider || options.ConnectionString != ConnectionString)
        {
            throw new InvalidOperationException($"The test host ignored the test database settings and uses {options.Provider}: {options.ConnectionString}.");
        }

        await using var db = CreateDbContext();
        var pending = await db.Database.GetPendingMigrationsAsync();
        if (pending.Any())
        {
            throw new InvalidOperationException($"The test host started without migrating ({Provider}): pending {string.Join(", ", pending)}.");
        }

        if (!await db.Users.AnyAsync(u => u.UserName == "rm1"))
        {
            throw new InvalidOperationException($"The test host started without seeding the demo logins ({Provider}).");
        }
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        File.Delete(KeyFile);
    }

    /// <summary>The connection string of this app's database, for other processes (AppNode) to share it.</summary>
    public string DatabaseConnectionString => ConnectionString;

    public CrmDbContext CreateDbContext() => Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext();

    /// <summary>A client that does not follow redirects, so tests see the 302s the app sends.</summary>
    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// A client signed in as a demo login with a bearer token from POST /api/v1/auth/token. Staff with holdings access
    /// get what a real user needs to read balances: TOTP enrolled, and a token requested with the current code and a
    /// purpose (a step-up, see <see cref="DemoLogins"/>). The token is cached per user and renewed before the step-up
    /// window ends.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        string token;
        await using (await demoLogins.LockAsync(userName))
        {
            if (!tokens.TryGetValue(userName, out var cached) || TimeProvider.System.GetUtcNow() - cached.IssuedAt > DemoLogins.TokenRenewal)
            {
                cached = (await TokenAsync(await demoLogins.TokenRequestAsync(this, userName)), TimeProvider.System.GetUtcNow());
                tokens[userName] = cached;
            }

            token = cached.Token;
        }

        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// The body of a token request for a demo login, as <see cref="ClientForAsync"/> sends it (with a fresh TOTP code
    /// and a purpose for staff with holdings access), for a test that posts it to another host of this database.
    /// </summary>
    public async Task<object> TokenRequestAsync(string userName)
    {
        await using (await demoLogins.LockAsync(userName))
        {
            return await demoLogins.TokenRequestAsync(this, userName);
        }
    }

    /// <summary>
    /// A TOTP code of a demo login that the app has not seen yet (replay protection accepts each step once); enrols
    /// the login first when it has no authenticator.
    /// </summary>
    public async Task<string> NextTotpCodeAsync(string userName)
    {
        await using (await demoLogins.LockAsync(userName))
        {
            return await demoLogins.NextCodeAsync(this, userName);
        }
    }

    /// <summary>
    /// A demo login signed in as far as a real user must be (with a TOTP code where an authenticator is enrolled) but
    /// without a step-up purpose: what a member of staff sees before pressing 验证后查看.
    /// </summary>
    public async Task<HttpClient> ClientWithoutStepUpAsync(string userName) =>
        await ClientWithNewTokenAsync(DemoLogins.HasHoldingsAccess(userName)
            ? new { userName, password = DemoStaff.Password, twoFactorCode = await NextTotpCodeAsync(userName) }
            : new { userName, password = DemoStaff.Password });

    /// <summary>A client with a new (uncached) bearer token for this token request body, e.g. with a TOTP code and purpose.</summary>
    public async Task<HttpClient> ClientWithNewTokenAsync(object tokenRequest)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(tokenRequest));
        return client;
    }

    /// <summary>Runs <paramref name="create"/> once per app; later callers get the same result.</summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> create)
        where T : class =>
        (T)await once.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Crm", ConnectionString);
        builder.UseSetting("Encryption:KeyFile", KeyFile);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Customers", DemoCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:ScoreOnStart", ScoreDemoBankOnStart ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Scheduler:Enabled", SchedulerEnabled ? "true" : "false");
        builder.UseSetting("Scoring:Nightly", SchedulerEnabled ? "true" : "false");

        // Every test request comes from one address; RateLimitTests checks the real limit of 10 on a host of its own.
        builder.UseSetting("Security:LoginRateLimitPerMinute", "10000");
        builder.UseSetting("Security:AssetDetailsNeedStepUp", AssetDetailsNeedStepUp ? "true" : "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    private async Task<string> TokenAsync(object tokenRequest)
    {
        using var client = CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", tokenRequest);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    private sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);
}
