using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace BankCrm.Integration.Tests.HostileInput;

/// <summary>
/// The test app as it runs on a real install: environment Production, so whatever the host does differently outside
/// Development (the developer exception page, the error pipeline) is what the tests see (issue 11 finding 3).
/// </summary>
public sealed class SqliteAppInProduction : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>The PostgreSQL app in environment Production.</summary>
public sealed class PostgresAppInProduction : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
