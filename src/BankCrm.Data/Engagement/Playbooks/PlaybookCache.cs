using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>The playbooks one executor run reads, parsed and validated once per run (an edit applies from the next run).</summary>
internal sealed class PlaybookCache(CrmDbContextFactory factory)
{
    private readonly Dictionary<long, (Playbook? Playbook, PlaybookDefinition? Definition, string Problem)> loaded = [];

    public async Task<(Playbook? Playbook, PlaybookDefinition? Definition, string Problem)> GetAsync(long id, CancellationToken cancellationToken)
    {
        if (loaded.TryGetValue(id, out var cached))
        {
            return cached;
        }

        await using var db = factory.CreateDbContext();
        var playbook = await db.Playbooks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var entry = playbook is null
            ? (null, null, "策略不存在")
            : PlaybookDefinitions.ReadValid(playbook) is var (definition, errors) && definition is not null
                ? (playbook, definition, string.Empty)
                : (playbook, (PlaybookDefinition?)null, string.Join("；", errors.Select(e => e.Message)));
        loaded[id] = entry;
        return entry;
    }
}
