using System.Xml.Linq;
using BankCrm.Data.Database;
using BankCrm.Data.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BankCrm.Web.Hosting;

/// <summary>
/// The Data Protection keys (session cookie, antiforgery, bearer tokens) live in the app's database, table
/// <c>data_protection_keys</c>, so app nodes are stateless and a restart signs nobody out; each key is encrypted at rest
/// with the field-encryption key ring (AES-256-GCM, <see cref="FieldCipher"/>), so a copy of the database or a backup
/// without the key ring cannot forge a cookie. Default location (the home folder, unencrypted) is never used.
/// </summary>
public static class DataProtectionStore
{
    public const string ApplicationName = "BankCrm";

    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<CrmDbContextFactory>());
            options.XmlEncryptor = new FieldKeyXmlEncryptor(ProtectorOf(sp));
        }));
        return services;
    }

    internal static FieldProtector ProtectorOf(IServiceProvider services) =>
        services.GetRequiredService<DatabaseOptions>().Protector
        ?? throw new InvalidOperationException("The field-encryption keys are not loaded: Data Protection keys cannot be encrypted.");
}

/// <summary>Reads and appends key elements in <c>data_protection_keys</c> (Data Protection never updates or deletes a key).</summary>
internal sealed class DatabaseXmlRepository(CrmDbContextFactory factory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

/// <summary>Encrypts a key element under the active field-encryption key; the decryptor is named in the stored XML.</summary>
internal sealed class FieldKeyXmlEncryptor(FieldProtector protector) : IXmlEncryptor
{
    public static readonly XName Element = XName.Get("fieldEncrypted", "urn:bankcrm:data-protection");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(Element, protector.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting))), typeof(FieldKeyXmlDecryptor));
}

/// <summary>Created by Data Protection from the type name in the stored XML, with the app's services.</summary>
public sealed class FieldKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        if (encryptedElement.Name != FieldKeyXmlEncryptor.Element)
        {
            throw new InvalidOperationException($"Expected a {FieldKeyXmlEncryptor.Element} element, found {encryptedElement.Name}.");
        }

        // A stored value that is not ciphertext was not written by the encryptor: refuse it rather than trust it.
        if (!FieldCipher.IsEncrypted(encryptedElement.Value))
        {
            throw new InvalidOperationException("A stored Data Protection key is not encrypted under the field-encryption key ring.");
        }

        return XElement.Parse(DataProtectionStore.ProtectorOf(services).Decrypt(encryptedElement.Value));
    }
}
