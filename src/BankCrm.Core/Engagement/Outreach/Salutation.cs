using BankCrm.Core.Customers;

namespace BankCrm.Core.Engagement.Outreach;

/// <summary>How a message addresses a customer: surname and 先生/女士 for individuals, the name for companies.</summary>
public static class Salutation
{
    public static string For(CustomerType type, string name, Gender? gender)
    {
        if (type == CustomerType.Corporate || name.Length == 0)
        {
            return name;
        }

        // Two-character compound surnames (欧阳, 司马, …) are rare enough that the first character is the kinder guess
        // than a wrong split; a name written in Latin letters keeps its last word.
        var surname = name.Contains(' ', StringComparison.Ordinal) ? name[(name.LastIndexOf(' ') + 1)..] : name[..1];
        return surname + (gender switch
        {
            Gender.Male => "先生",
            Gender.Female => "女士",
            _ => "先生/女士",
        });
    }
}
