namespace BankCrm.Data.Tests.Scoring.Churn;

/// <summary>
/// Where the public Churn_Modelling.csv is: <c>BANKCRM_CHURN_CSV</c>, or <c>../shared/data/churn-modelling/</c> next to
/// the repository. A missing file fails the test that needs it, with this message; it is never skipped.
/// </summary>
internal static class PublicChurnData
{
    public const string Variable = "BANKCRM_CHURN_CSV";

    public static string Path()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"{Variable} names {configured}, which does not exist.");
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "BankCrm.slnx")))
        {
            root = root.Parent;
        }

        var path = root is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(root.FullName, "..", "shared", "data", "churn-modelling", "Churn_Modelling.csv"));
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Churn_Modelling.csv not found at ../shared/data/churn-modelling/ beside the repository; set {Variable} to its path.");
    }
}
