using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Protection;

/// <summary>Exact lookups of encrypted identifiers through their blind-index columns.</summary>
public static class ProtectedLookups
{
    public static BlindIndex BlindIndex(this CrmDbContext db) =>
        (ProtectionOptions.FindProtector(db) ?? throw new InvalidOperationException("This database context has no encryption keys.")).Index;

    /// <summary>Customers whose ID number equals <paramref name="idNumber"/> after normalisation (spaces, lower-case x).</summary>
    public static IQueryable<Customer> WithIdNumber(this IQueryable<Customer> customers, BlindIndex index, string idNumber) =>
        WithIndex(customers, ProtectedColumns.IdNumberIndex, index.Of(BlindIndexField.IdNumber, idNumber));

    /// <summary>Customers whose mobile equals <paramref name="mobile"/> after normalisation (spaces, +86).</summary>
    public static IQueryable<Customer> WithMobile(this IQueryable<Customer> customers, BlindIndex index, string mobile) =>
        WithIndex(customers, ProtectedColumns.MobileIndex, index.Of(BlindIndexField.Mobile, mobile));

    /// <summary>The account with this number (spaces and dashes ignored).</summary>
    public static IQueryable<Account> WithAccountNumber(this IQueryable<Account> accounts, BlindIndex index, string accountNumber)
    {
        var digest = index.Of(BlindIndexField.AccountNumber, accountNumber);
        return accounts.Where(a => EF.Property<string>(a, ProtectedColumns.AccountNumberIndex) == digest);
    }

    private static IQueryable<Customer> WithIndex(IQueryable<Customer> customers, string column, string digest) =>
        customers.Where(c => EF.Property<string>(c, column) == digest);
}
