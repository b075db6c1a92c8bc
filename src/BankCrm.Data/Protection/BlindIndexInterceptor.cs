using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BankCrm.Data.Protection;

/// <summary>
/// Keeps the blind-index columns in step with the values they index on every SaveChanges. One shared instance: the
/// keys come from the saving context, and EF Core builds a new internal service provider per interceptor instance.
/// </summary>
internal sealed class BlindIndexInterceptor : SaveChangesInterceptor
{
    public static readonly BlindIndexInterceptor Instance = new();

    private BlindIndexInterceptor()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Fill(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Fill(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Fill(DbContext? context)
    {
        if (context is null || ProtectionOptions.FindProtector(context)?.Index is not { } index)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Customer customer:
                    Set(entry.Property(ProtectedColumns.IdNumberIndex), index.OfNullable(BlindIndexField.IdNumber, customer.IdNumber));
                    Set(entry.Property(ProtectedColumns.MobileIndex), index.OfNullable(BlindIndexField.Mobile, customer.Mobile));
                    break;
                case Account account:
                    Set(entry.Property(ProtectedColumns.AccountNumberIndex), index.Of(BlindIndexField.AccountNumber, account.AccountNumber));
                    break;
            }
        }
    }

    private static void Set(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry property, string? value)
    {
        if (!string.Equals((string?)property.CurrentValue, value, StringComparison.Ordinal))
        {
            property.CurrentValue = value;
        }
    }
}
