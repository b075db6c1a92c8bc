using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Database;

public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options) : CrmDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
