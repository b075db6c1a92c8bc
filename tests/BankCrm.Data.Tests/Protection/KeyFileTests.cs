using BankCrm.Data.Protection;
using Microsoft.Extensions.Configuration;

namespace BankCrm.Data.Tests.Protection;

public sealed class KeyFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bankcrm-keys-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_WhenNoKeysAreConfigured_CreatesAKeyFileReadableByTheOwnerOnly()
    {
        var protector = KeyRingSource.Load(new ConfigurationBuilder().Build(), folder);

        var path = Path.Combine(folder, KeyFile.FileName);
        Assert.Equal(path, protector.KeyFile);
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Load_WhenTheKeyFileExists_ReadsTheSameKeys()
    {
        var first = KeyRingSource.Load(new ConfigurationBuilder().Build(), folder);
        var stored = first.Encrypt("11010519491231002X");

        var second = KeyRingSource.Load(new ConfigurationBuilder().Build(), folder);

        Assert.Equal("11010519491231002X", second.Decrypt(stored));
        Assert.Equal(first.Index.Of(BlindIndexField.IdNumber, "11010519491231002X"), second.Index.Of(BlindIndexField.IdNumber, "11010519491231002X"));
    }

    [Fact]
    public void Write_WhenTheRingGainsANewKey_KeepsTheOldKeysAndTheBlindIndexKey()
    {
        var path = Path.Combine(folder, KeyFile.FileName);
        var ring = KeyFile.LoadOrCreate(path);

        KeyFile.Write(path, ring.WithNewActiveKey(), overwrite: true);
        var reread = KeyFile.Read(path);

        Assert.Equal(2, reread.Keys.Count);
        Assert.NotEqual(ring.ActiveKeyId, reread.ActiveKeyId);
        Assert.Equal(ring.Keys[ring.ActiveKeyId], reread.Keys[ring.ActiveKeyId]);
        Assert.Equal(ring.BlindIndexKey, reread.BlindIndexKey);
    }

    [Fact]
    public void Load_WhenKeysAreConfigured_UsesThemAndWritesNoFile()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Encryption:Keys:prod-2026"] = key,
            ["Encryption:ActiveKeyId"] = "prod-2026",
            ["Encryption:BlindIndexKey"] = key,
        }).Build();

        var protector = KeyRingSource.Load(configuration, folder);

        Assert.Null(protector.KeyFile);
        Assert.Equal("prod-2026", protector.Ring.ActiveKeyId);
        Assert.False(File.Exists(Path.Combine(folder, KeyFile.FileName)));
    }

    [Fact]
    public void Load_WhenTheActiveKeyIsNotAmongTheKeys_ThrowsNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Encryption:Keys:a"] = Convert.ToBase64String(new byte[32]),
            ["Encryption:ActiveKeyId"] = "b",
            ["Encryption:BlindIndexKey"] = Convert.ToBase64String(new byte[32]),
        }).Build();

        var error = Assert.Throws<ArgumentException>(() => KeyRingSource.Load(configuration, folder));

        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
    }
}
