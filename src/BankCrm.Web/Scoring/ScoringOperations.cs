using BankCrm.Data.Database;
using BankCrm.Data.Scoring;

namespace BankCrm.Web.Scoring;

/// <summary>Each read of a Blazor screen on a DbContext of its own (a circuit's components load in parallel).</summary>
internal sealed class ScoringOperations(CrmDbContextFactory factory)
{
    public async Task<T> QueryAsync<T>(Func<ScoreQueries, Task<T>> operation)
    {
        await using var db = factory.CreateDbContext();
        return await operation(new ScoreQueries(db));
    }
}
