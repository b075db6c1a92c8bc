using System.Globalization;
using BankCrm.Core.Customers;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// Turns a customer id into the parts of identifiers that must never repeat across the bank (resident ID,
/// mobile, credit code, account numbers) without a global lookup, so customers can be generated independently.
/// A resident ID number is unique when (area code, birth date, sequence) is: the id is scrambled by a bijection,
/// and its digits choose the sequence number, the birth day of the year and a class of area codes.
/// </summary>
internal static class UniqueKeys
{
    public const int SequencesPerGender = 500;
    public const int DaysPerYear = 365;
    public const int AreaClasses = 8;

    /// <summary>The largest bank the scheme keeps unique: 500 sequences × 365 days × 8 area classes.</summary>
    public const int MaxCustomers = SequencesPerGender * DaysPerYear * AreaClasses;

    // Any multiplier coprime to MaxCustomers (2^5 · 5^4 · 73) makes id → scrambled a bijection.
    private const long IdMultiplier = 982_451;

    // Chosen so that customer 1, the canary, gets exactly its fixed ID number's parts (class of 110105,
    // 31 December, sequence 002); no generated customer can then repeat the canary's number.
    private static readonly long IdOffset = Modulo(CanaryScrambled() - IdMultiplier, MaxCustomers);

    private const long MobileSpace = 100_000_000;
    private const long MobileMultiplier = 48_271_737;
    private static readonly long MobileOffset = Modulo(138_000 - MobileMultiplier, MobileSpace);

    public static IdentityParts IdentityFor(long customerId)
    {
        var scrambled = Modulo(IdMultiplier * customerId + IdOffset, MaxCustomers);
        var sequence = (int)(scrambled % SequencesPerGender);
        var dayOfYear = (int)(scrambled / SequencesPerGender % DaysPerYear);
        var areaClass = (int)(scrambled / (SequencesPerGender * DaysPerYear));
        return new IdentityParts(sequence, dayOfYear, areaClass);
    }

    public static int AreaClassOf(string areaCode) => int.Parse(areaCode, CultureInfo.InvariantCulture) % AreaClasses;

    public static DateOnly BirthDate(int year, int dayOfYear)
    {
        var inCommonYear = new DateOnly(2023, 1, 1).AddDays(dayOfYear);
        return new DateOnly(year, inCommonYear.Month, inCommonYear.Day);
    }

    public static string ResidentId(string areaCode, DateOnly birthDate, int sequence, Gender gender) =>
        ResidentIdNumber.Compose(areaCode, birthDate, sequence * 2 + (gender == Gender.Male ? 1 : 0));

    /// <summary>The last eight digits of the mobile number; customer 1 gets the canary's 00138000.</summary>
    public static string MobileSuffix(long customerId) =>
        Modulo(MobileMultiplier * customerId + MobileOffset, MobileSpace).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>An ordinary passport number: E and eight digits.</summary>
    public static string PassportNumber(long customerId) =>
        "E" + Modulo(71_234_567L * customerId + 4_200_000, MobileSpace).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A Unified Social Credit Code: 9 (market regulator), 1 (enterprise), area, organisation code, check.</summary>
    public static string CreditCode(long customerId, string areaCode)
    {
        var body = Modulo(36_524_219L * customerId + 7_310_000, MobileSpace).ToString("D8", CultureInfo.InvariantCulture);
        var organisationCode = body + OrganisationCheck(body);
        var first17 = "91" + areaCode + organisationCode;
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    /// <summary>A unique account number: prefix, customer id and ordinal, Luhn check digit (cards are 19 digits).</summary>
    public static string AccountNumber(string prefix, long customerId, int ordinal, int length)
    {
        var key = (customerId * 32 + ordinal).ToString(CultureInfo.InvariantCulture);
        var body = prefix + key.PadLeft(length - 1 - prefix.Length, '0');
        return body + Luhn(body);
    }

    private static long CanaryScrambled()
    {
        var canaryClass = AreaClassOf(DemoBankCanary.IdNumber[..6]);
        var canaryDay = new DateOnly(1949, 12, 31).DayOfYear - 1;
        var canarySequence = int.Parse(DemoBankCanary.IdNumber.AsSpan(14, 3), CultureInfo.InvariantCulture) / 2;
        return ((long)canaryClass * DaysPerYear + canaryDay) * SequencesPerGender + canarySequence;
    }

    // GB 11714 check character of the 9-character organisation code.
    private static char OrganisationCheck(string body)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }

        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    private static char Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }

    private static long Modulo(long value, long modulus) => ((value % modulus) + modulus) % modulus;
}

internal readonly record struct IdentityParts(int Sequence, int DayOfYear, int AreaClass);
