using BankCrm.Core.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers;

/// <summary>
/// Customer numbers for new customers (form, API and import rows that bring none). It starts above both the
/// highest id and the highest C-number, because imported files may carry numbers of their own, and skips
/// numbers the caller has already used.
/// </summary>
internal sealed class NumberAllocator
{
    private long next;

    public static async Task<NumberAllocator> CreateAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var allocator = new NumberAllocator();
        await allocator.ReloadAsync(db, cancellationToken);
        return allocator;
    }

    /// <summary>Reads the database again, after a batch failed because someone else took a number meanwhile.</summary>
    public async Task ReloadAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var maxId = await db.Customers.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var maxNumber = await db.Customers
            .Where(c => c.CustomerNumber.StartsWith("C") && c.CustomerNumber.Length == 9)
            .OrderByDescending(c => c.CustomerNumber)
            .Select(c => c.CustomerNumber)
            .FirstOrDefaultAsync(cancellationToken);
        var fromNumber = CustomerNumber.IsWellFormed(maxNumber) ? long.Parse(maxNumber.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) : 0;
        next = Math.Max(next, Math.Max(maxId, fromNumber) + 1);
    }

    /// <summary>
    /// Leaves a random gap before the next number: after a clash, creators that read the same highest number would
    /// otherwise all pick the same next one again (found by the concurrent fuzz suite: 6 parallel creates exhausted
    /// the retries). Gaps in customer numbers are harmless; a 500 is not.
    /// </summary>
    public void SkipAhead(int attempt) => next += Random.Shared.Next(0, 4 << Math.Min(attempt, 8));

    public string Next(Func<string, bool> usedInFile)
    {
        while (true)
        {
            var number = CustomerNumber.From(next++);
            if (!usedInFile(number))
            {
                return number;
            }
        }
    }
}
