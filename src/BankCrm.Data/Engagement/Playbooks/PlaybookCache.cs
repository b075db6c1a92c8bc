using System.Collections.Concurrent;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>The playbooks one executor run reads, parsed and validated once per run (an edit applies from the next run); shared by its parallel workers.</summary>
internal sealed class PlaybookCache(CrmDbContextFactory factory)
{
    private readonly ConcurrentDictionary<long, Lazy<Task<(Playbook? Playbook, PlaybookDefinition? Definition, string Problem)>>> loaded = [];

    public Task<(Playbook? Playbook, PlaybookDefinition? Definition, string Problem)> GetAsync(long id, CancellationToken cancellationToken) =>
        loaded.GetOrAdd(id, key => new Lazy<Task<(Playbook?, PlaybookDefinition?, string)>>(() => LoadAsync(key, cancellationToken))).Value;

    private async Task<(Playbook? Playbook, PlaybookDefinition? Definition, string Problem)> LoadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var playbook = await db.Playbooks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var entry = playbook is null
            ? (null, null, "策略不存在")
            : PlaybookDefinitions.ReadValid(playbook) is var (definition, errors) && definition is not null
                ? (playbook, definition, string.Empty)
                : (playbook, (PlaybookDefinition?)null, string.Join("；", errors.Select(e => e.Message)));
        return entry;
    }
}
