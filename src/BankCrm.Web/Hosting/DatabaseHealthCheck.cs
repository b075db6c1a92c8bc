using BankCrm.Data.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BankCrm.Web.Hosting;

internal sealed class DatabaseHealthCheck(CrmDbContextFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
    }
}
