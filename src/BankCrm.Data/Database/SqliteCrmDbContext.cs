using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Database;

public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
