using System.Text.Json;
using Npgsql;

namespace BankCrm.Bench.Load;

/// <summary>
/// The reference for the Customer 360 benchmark: the same three queries the API's summary runs
/// (header, holdings, latest 10 transactions), written by hand over Npgsql with no ORM and no auth.
/// </summary>
internal static class RawCustomer360Server
{
    private const string HeaderSql = """
        SELECT c.id, c.customer_number, c.type, c.name, c.id_number, c.mobile, c.gender, c.birth_date, c.industry,
               b.name, u.display_name, c.kyc_status, c.kyc_expires_on, c.created_at, c.version
        FROM customers c
        LEFT JOIN branches b ON b.id = c.branch_id
        LEFT JOIN "AspNetUsers" u ON u.id = c.relationship_manager_id
        WHERE c.id = $1
        """;

    private const string HoldingsSql = """
        SELECT a.id, a.account_number, p.name, p.category, p.risk_level, a.balance, a.currency, a.opened_on, a.matures_on, a.status
        FROM accounts a JOIN products p ON p.id = a.product_id
        WHERE a.customer_id = $1 ORDER BY a.id
        """;

    private const string RecentSql = """
        SELECT t.id, t.occurred_at, a.account_number, t.kind, t.channel, t.amount, t.currency, t.counterparty
        FROM transactions t JOIN accounts a ON a.id = t.account_id
        WHERE t.customer_id = $1 ORDER BY t.occurred_at DESC, t.id DESC LIMIT 10
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var pg = Arg(args, "--pg") ?? throw new ArgumentException("--pg CONNECTION is required");
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        await using var dataSource = NpgsqlDataSource.Create(pg);
        var app = builder.Build();
        app.MapGet("/raw/customers/{id:long}/360", (long id) => SummaryAsync(dataSource, id));
        await app.RunAsync();
        return 0;
    }

    private static async Task<IResult> SummaryAsync(NpgsqlDataSource dataSource, long id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        Dictionary<string, object?>? header = null;
        await using (var command = new NpgsqlCommand(HeaderSql, connection) { Parameters = { new() { Value = id } } })
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                header = Row(reader);
            }
        }

        if (header is null)
        {
            return Results.NotFound();
        }

        var holdings = await ListAsync(connection, HoldingsSql, id);
        var recent = await ListAsync(connection, RecentSql, id);
        return Results.Json(new { header, holdings, recent }, JsonSerializerOptions.Web);
    }

    private static async Task<List<Dictionary<string, object?>>> ListAsync(NpgsqlConnection connection, string sql, long id)
    {
        var rows = new List<Dictionary<string, object?>>();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = id } } };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Row(reader));
        }

        return rows;
    }

    private static Dictionary<string, object?> Row(NpgsqlDataReader reader)
    {
        var row = new Dictionary<string, object?>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return row;
    }

    internal static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
