using BankCrm.Core.Customers;
using BankCrm.Data.Database;
using BankCrm.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// The existing customers one batch refers to, by customer number and by ID number (tracked, as rows may update
/// them), and those sharing a mobile number (for the same name + phone duplicate rule of the form).
/// </summary>
internal sealed class BatchLookup
{
    private BatchLookup(List<Customer> customers, List<MobileOwner> mobileOwners)
    {
        ByNumber = customers.ToDictionary(c => c.CustomerNumber, StringComparer.Ordinal);
        ById = customers.Where(c => c.IdNumber is not null).ToLookup(c => c.IdNumber!, StringComparer.Ordinal);
        ByMobile = mobileOwners.ToLookup(m => m.Mobile, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Customer> ByNumber { get; }

    public ILookup<string, Customer> ById { get; }

    public ILookup<string, MobileOwner> ByMobile { get; }

    public static async Task<BatchLookup> LoadAsync(CrmDbContext db, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        var numbers = rows.Select(r => r.CustomerNumber).OfType<string>().Distinct().ToList();
        var ids = rows.Select(r => r.IdKey).Where(k => k.Length > 0).Distinct().ToList();
        var mobiles = rows.Select(r => r.MobileKey).OfType<string>().Distinct().ToList();
        // ID numbers and mobiles are stored encrypted: the batch is matched on their blind indexes.
        var index = db.BlindIndex();
        var idIndexes = ids.Select(id => index.Of(BlindIndexField.IdNumber, id)).ToList();
        var mobileIndexes = mobiles.Select(m => index.Of(BlindIndexField.Mobile, m)).ToList();
        var customers = await db.Customers
            .Where(c => numbers.Contains(c.CustomerNumber) || idIndexes.Contains(EF.Property<string>(c, ProtectedColumns.IdNumberIndex)))
            .ToListAsync(cancellationToken);
        var mobileOwners = mobiles.Count == 0 ? [] : await db.Customers.AsNoTracking()
            .Where(c => mobileIndexes.Contains(EF.Property<string>(c, ProtectedColumns.MobileIndex)))
            .Select(c => new MobileOwner(c.Id, c.CustomerNumber, c.Name, c.Mobile!))
            .ToListAsync(cancellationToken);
        return new BatchLookup(customers, mobileOwners);
    }
}

internal sealed record MobileOwner(long Id, string CustomerNumber, string Name, string Mobile);
