using System.Security.Cryptography;
using BankCrm.Data.Protection;

namespace BankCrm.Data.Tests.Protection;

public sealed class FieldCipherTests
{
    private static readonly KeyRing Ring = KeyRing.Generate();

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("13800138000")]
    [InlineData("上海市浦东新区世纪大道100号 𠮷")]
    [InlineData("")]
    public void Decrypt_WhenGivenWhatEncryptWrote_ReturnsTheValue(string value)
    {
        var cipher = new FieldCipher(Ring);

        var stored = cipher.Encrypt(value);

        Assert.StartsWith($"v1:{Ring.ActiveKeyId}:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Length > 0 ? value : "\0", stored, StringComparison.Ordinal);
        Assert.Equal(value, cipher.Decrypt(stored));
    }

    [Fact]
    public void Encrypt_WhenCalledTwiceWithTheSameValue_GivesDifferentCiphertexts()
    {
        var cipher = new FieldCipher(Ring);

        Assert.NotEqual(cipher.Encrypt("13800138000"), cipher.Encrypt("13800138000"));
    }

    [Fact]
    public void Decrypt_WhenOneByteOfTheCiphertextIsFlipped_ThrowsAClearException()
    {
        var cipher = new FieldCipher(Ring);
        var stored = cipher.Encrypt("11010519491231002X");
        var prefix = stored[..(stored.LastIndexOf(':') + 1)];
        var payload = Convert.FromBase64String(stored[prefix.Length..]);
        payload[15] ^= 0x01;

        var error = Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt(prefix + Convert.ToBase64String(payload)));

        Assert.Contains("failed authentication", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CryptographicException>(error);
    }

    [Fact]
    public void Decrypt_WhenTheKeyIdIsUnknown_NamesTheMissingKey()
    {
        var stored = new FieldCipher(KeyRing.Generate()).Encrypt("13800138000");

        var error = Assert.Throws<FieldDecryptionException>(() => new FieldCipher(Ring).Decrypt(stored));

        Assert.Contains($"key id '{FieldCipher.KeyIdOf(stored)}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_WhenTheKeyIdIsSwappedForAnotherKeyOfTheRing_FailsAuthentication()
    {
        var rotated = Ring.WithNewActiveKey();
        var stored = new FieldCipher(rotated).Encrypt("13800138000");
        var underOldId = stored.Replace(rotated.ActiveKeyId, Ring.ActiveKeyId, StringComparison.Ordinal);

        var error = Assert.Throws<FieldDecryptionException>(() => new FieldCipher(rotated).Decrypt(underOldId));

        Assert.Contains($"under key '{Ring.ActiveKeyId}' failed authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_WhenTheValueIsPlaintextFromBeforeEncryption_ReturnsItUnchanged()
    {
        Assert.Equal("13800138000", new FieldCipher(Ring).Decrypt("13800138000"));
        Assert.False(FieldCipher.IsEncrypted("13800138000"));
    }

    [Fact]
    public void Decrypt_WhenWrittenUnderAnOlderKeyOfTheRing_StillReads()
    {
        var stored = new FieldCipher(Ring).Encrypt("6222020200112233445");
        var rotated = Ring.WithNewActiveKey();

        Assert.Equal("6222020200112233445", new FieldCipher(rotated).Decrypt(stored));
        Assert.Equal(Ring.ActiveKeyId, FieldCipher.KeyIdOf(stored));
        Assert.NotEqual(Ring.ActiveKeyId, rotated.ActiveKeyId);
    }

    [Fact]
    public void Encrypt_WhenUsedFromManyThreads_RoundTripsEveryValue()
    {
        var cipher = new FieldCipher(Ring);

        Parallel.For(0, 2_000, i =>
        {
            var value = $"1380013{i:D4}";
            Assert.Equal(value, cipher.Decrypt(cipher.Encrypt(value)));
        });
    }
}
