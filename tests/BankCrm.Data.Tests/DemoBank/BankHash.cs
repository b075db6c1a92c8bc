using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BankCrm.Data.DemoBank.Generation;
using BankCrm.Data.DemoBank.Writers;

namespace BankCrm.Data.Tests.DemoBank;

/// <summary>A SHA-256 over every column of every row the writers would load, customer by customer.</summary>
internal static class BankHash
{
    public static string Of(IEnumerable<DemoBankChunk> chunks)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var c in chunks.SelectMany(chunk => chunk.Customers))
        {
            Add(hash, DemoBankTables.Customers, [c.Customer]);
            Add(hash, DemoBankTables.Documents, c.Documents);
            Add(hash, DemoBankTables.Contacts, c.Contacts);
            Add(hash, DemoBankTables.Relationships, c.Relationships);
            Add(hash, DemoBankTables.Accounts, c.Accounts);
            Add(hash, DemoBankTables.Transactions, c.Transactions);
            Add(hash, DemoBankTables.AppEvents, c.AppEvents);
            Add(hash, DemoBankTables.Interactions, c.Interactions);
            Add(hash, DemoBankTables.Consents, c.Consents);
            Add(hash, DemoBankTables.Changes, [c.Created]);
            Add(hash, DemoBankTables.Truth, [c.Truth]);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Add<T>(IncrementalHash hash, TableShape<T> table, IEnumerable<T> rows)
    {
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear().Append(table.Name);
            foreach (var column in table.Columns)
            {
                line.Append('|').Append(Convert.ToString(column.Value(row), CultureInfo.InvariantCulture));
            }

            hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
        }
    }
}
