namespace BankCrm.Data.Database;

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}
