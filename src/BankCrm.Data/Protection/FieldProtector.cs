namespace BankCrm.Data.Protection;

/// <summary>
/// Encryption and blind index of the C2 columns under one key ring: the object the database model, the bulk
/// writers and the key commands share. <see cref="KeyFile"/> is set when the ring came from a key file that
/// <c>keys rotate</c> may extend.
/// </summary>
public sealed class FieldProtector(KeyRing ring, string? keyFile = null)
{
    public KeyRing Ring { get; } = ring;

    public string? KeyFile { get; } = keyFile;

    public FieldCipher Cipher { get; } = new(ring);

    public BlindIndex Index { get; } = new(ring);

    public string Encrypt(string plaintext) => Cipher.Encrypt(plaintext);

    public string Decrypt(string stored) => Cipher.Decrypt(stored);
}
