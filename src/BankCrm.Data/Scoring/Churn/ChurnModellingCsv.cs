using System.Globalization;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// The public "Churn Modelling" data set (10,000 customers of a European bank, label <c>Exited</c>) mapped to feature
/// vectors, so the bank's churn trainer can be measured on real data. Row number, customer id and surname identify
/// a row and say nothing about churn; they are left out. Geography becomes one column per country.
/// </summary>
internal static class ChurnModellingCsv
{
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "credit_score", "germany", "spain", "male", "age", "tenure", "balance", "products", "has_credit_card", "active_member", "estimated_salary",
    ];

    public static ChurnDataset Read(string path)
    {
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext())
        {
            throw new InvalidDataException($"{path} is empty; expected the Churn_Modelling.csv header.");
        }

        var header = lines.Current.Split(',').Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var examples = new List<ChurnExample>();
        while (lines.MoveNext())
        {
            // No field of this file contains a comma or quotes, so a plain split reads it.
            var fields = lines.Current.Split(',');
            if (fields.Length < header.Count)
            {
                continue;
            }

            float Number(string column) => float.Parse(fields[header[column]], CultureInfo.InvariantCulture);
            var geography = fields[header["Geography"]];
            examples.Add(new ChurnExample
            {
                Label = Number("Exited") == 1,
                Features =
                [
                    Number("CreditScore"),
                    geography == "Germany" ? 1 : 0,
                    geography == "Spain" ? 1 : 0,
                    fields[header["Gender"]] == "Male" ? 1 : 0,
                    Number("Age"),
                    Number("Tenure"),
                    Number("Balance"),
                    Number("NumOfProducts"),
                    Number("HasCrCard"),
                    Number("IsActiveMember"),
                    Number("EstimatedSalary"),
                ],
            });
        }

        return new ChurnDataset(FeatureNames, examples);
    }
}
