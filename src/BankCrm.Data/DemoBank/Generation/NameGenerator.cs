using BankCrm.Core.Customers;
using BankCrm.Data.DemoBank.Catalogs;
using Bogus.Bson;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>A generated person's name and the pinyin of the surname (for e-mail addresses).</summary>
internal readonly record struct PersonName(string FullName, string Surname, string Pinyin, bool Uyghur);

/// <summary>Chinese personal names with realistic surname frequencies, generation-typical given names and a few Uyghur names.</summary>
internal static class NameGenerator
{
    private const double CompoundSurnameShare = 0.004;
    private const double UyghurShare = 0.005;

    private static readonly Weighted<(string Surname, string Pinyin)> Surnames =
        new(NameData.Surnames.Select(s => ((s.Surname, s.Pinyin), s.Percent)));

    // Bogus's zh_CN locale lists modern boys' names (子轩, 浩然, 梓晨 ...): the youngest generation of men.
    private static readonly Lazy<string[]> BogusGivenNames = new(() =>
    {
        var names = (BArray)((BObject)Bogus.Database.GetLocale("zh_CN")["name"])["first_name"];
        return [.. Enumerable.Range(0, names.Count).Select(i => names[i].StringValue).Distinct()];
    });

    public static PersonName Person(DemoRandom random, Gender gender, int birthYear, string? familySurname = null)
    {
        if (familySurname is null && random.Chance(UyghurShare))
        {
            return Uyghur(random, gender);
        }

        var (surname, pinyin) = familySurname is not null ? (familySurname, PinyinOf(familySurname)) : Surname(random);
        var given = random.Pick(GivenNames(gender, birthYear));
        return new PersonName(surname + given, surname, pinyin, false);
    }

    public static (string Surname, string Pinyin) Surname(DemoRandom random) =>
        random.Chance(CompoundSurnameShare) ? random.Pick(NameData.CompoundSurnames) : Surnames.Draw(random);

    /// <summary>Uyghur names are the own name and the father's name joined by a middle dot.</summary>
    private static PersonName Uyghur(DemoRandom random, Gender gender)
    {
        var own = random.Pick(gender == Gender.Male ? NameData.UyghurMale : NameData.UyghurFemale);
        var father = random.Pick(NameData.UyghurMale);
        return new PersonName($"{own}·{father}", own, "", true);
    }

    private static IReadOnlyList<string> GivenNames(Gender gender, int birthYear) => (gender, birthYear) switch
    {
        (Gender.Male, < 1960) => NameData.MaleBefore1960,
        (Gender.Male, < 1980) => NameData.Male1960s70s,
        (Gender.Male, < 1995) => NameData.Male1980s,
        (Gender.Male, _) => BogusGivenNames.Value,
        (_, < 1960) => NameData.FemaleBefore1960,
        (_, < 1980) => NameData.Female1960s70s,
        (_, < 1995) => NameData.Female1980s,
        _ => NameData.Female1995On,
    };

    private static string PinyinOf(string surname)
    {
        foreach (var s in NameData.Surnames)
        {
            if (s.Surname == surname)
            {
                return s.Pinyin;
            }
        }

        foreach (var s in NameData.CompoundSurnames)
        {
            if (s.Surname == surname)
            {
                return s.Pinyin;
            }
        }

        return "";
    }
}
