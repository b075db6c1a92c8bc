using System.Globalization;
using System.Threading.Channels;
using BankCrm.Core.Common;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank.Catalogs;
using BankCrm.Data.DemoBank.Generation;
using BankCrm.Data.DemoBank.Writers;
using BankCrm.Data.Organization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BankCrm.Data.DemoBank;

/// <summary>
/// Fills an empty database with the deterministic demo bank: branches, products and staff through EF Core, then
/// the customers and everything they own and do, streamed chunk by chunk into the provider's bulk writer while
/// the next chunk is generated.
/// </summary>
public static class DemoBankSeeder
{
    public const int CustomersPerChunk = 5_000;

    public static async Task SeedAsync(CrmDbContextFactory factory, DemoBankOptions options, TimeProvider time, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var generator = new DemoBankGenerator(options, ChinaTime.Today(time));
        await using var db = factory.CreateDbContext();
        await WriteReferenceDataAsync(db, generator.Layout, cancellationToken);
        progress?.Report($"{generator.Layout.Branches.Count} branches, {ProductCatalog.All.Count} products, {generator.Layout.Staff.Count} staff");

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var writer = CreateWriter(db, factory.Options.Protector!);
            await writer.PrepareAsync(cancellationToken);
            await StreamAsync(generator, writer, options.Customers, progress, cancellationToken);
            await writer.FinishAsync(progress, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IDemoBankWriter CreateWriter(CrmDbContext db, Protection.FieldProtector protector) => db.Database.GetDbConnection() switch
    {
        NpgsqlConnection npgsql => new PostgresBulkWriter(npgsql, protector),
        SqliteConnection sqlite => new SqliteBulkWriter(sqlite, protector),
        var other => throw new NotSupportedException($"No demo-bank writer for {other.GetType().Name}."),
    };

    /// <summary>Generation runs one chunk ahead of the writer, so both cores stay busy.</summary>
    private static async Task StreamAsync(DemoBankGenerator generator, IDemoBankWriter writer, int total, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var chunks = Channel.CreateBounded<DemoBankChunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in generator.Chunks(CustomersPerChunk, stop.Token))
                {
                    await chunks.Writer.WriteAsync(chunk, stop.Token);
                }

                chunks.Writer.Complete();
            }
            catch (Exception exception)
            {
                chunks.Writer.Complete(exception);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                await writer.WriteChunkAsync(chunk, cancellationToken);
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"customers {chunk.LastCustomerId:N0}/{total:N0}"));
            }
        }
        finally
        {
            // If writing failed, the generator must not wait forever for room in the channel.
            await stop.CancelAsync();
            await producer;
        }
    }

    private static async Task WriteReferenceDataAsync(CrmDbContext db, BankLayout layout, CancellationToken cancellationToken)
    {
        db.Branches.AddRange(layout.Branches.Select(b => b.ToBranch()));
        db.Products.AddRange(ProductCatalog.All.Select(p => new Core.Holdings.Product
        {
            Id = p.Id, Code = p.Code, Name = p.Name, Category = p.Category, RiskLevel = p.RiskLevel,
            Currency = p.Currency, AnnualRatePercent = p.AnnualRatePercent, TermMonths = p.TermMonths,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await StaffWriter.EnsureRolesAsync(db, cancellationToken);
        foreach (var staff in layout.Staff)
        {
            StaffWriter.Add(db, staff.UserName, staff.DisplayName, staff.Role, staff.BranchId, staff.CanSignIn ? DemoStaff.Password : null, staff.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
