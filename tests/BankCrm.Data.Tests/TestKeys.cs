using BankCrm.Data.Protection;

namespace BankCrm.Data.Tests;

/// <summary>One random key ring for the test run: the tests' databases are thrown away, so their keys may be too.</summary>
internal static class TestKeys
{
    public static FieldProtector Protector { get; } = new(KeyRing.Generate());
}
