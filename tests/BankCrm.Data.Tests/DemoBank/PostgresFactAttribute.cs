namespace BankCrm.Data.Tests.DemoBank;

/// <summary>
/// A test that needs a real PostgreSQL: set BANKCRM_TEST_POSTGRES to a connection string whose database the test
/// may create and drop (e.g. Host=127.0.0.1;Username=bankcrm;Password=bankcrm;Database=bankcrm_test_seed).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "BANKCRM_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set";
        }
    }
}
