using System.Net;
using System.Text;
using BankCrm.Core.Audit;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Security;

/// <summary>Customer lists leave the system masked, stamped with who exported them and when, and audited.</summary>
public abstract class CustomerListExportTests(BankCrmApp app)
{
    [Fact]
    public async Task An_rm_exports_their_filtered_list_masked_stamped_and_audited()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var mine = await rm1.CreateAsync(CustomerApi.Individual("诸葛导出"));
        using var rm2 = await app.ClientForAsync("rm2");
        var theirs = await rm2.CreateAsync(CustomerApi.Individual("诸葛别人"));

        using var response = await rm1.GetAsync("/api/v1/customers/export?format=csv&q=" + Uri.EscapeDataString("诸葛"));
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("\uFEFF导出人 rm1 导出时间 ", csv, StringComparison.Ordinal);
        Assert.Contains(mine.CustomerNumber, csv, StringComparison.Ordinal);
        Assert.Contains("诸葛**", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("诸葛导出", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.CustomerNumber, csv, StringComparison.Ordinal);
        Assert.Contains(await app.EntriesAsync(e => e.Action == AuditActions.Export && e.ActorName == "rm1"), e => e.Detail!.StartsWith("客户名单", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tellers_may_not_export_and_an_unknown_format_is_refused_naming_the_field()
    {
        using var teller = await app.ClientForAsync("teller1");
        using var rm1 = await app.ClientForAsync("rm1");

        using var refused = await teller.GetAsync("/api/v1/customers/export?format=csv");
        using var badFormat = await rm1.GetAsync("/api/v1/customers/export?format=pdf");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(["导出格式只能是 csv 或 xlsx"], (await badFormat.ProblemAsync()).Errors("format"));
    }
}

public sealed class CustomerListExportTestsOnSqlite(SqliteApp app) : CustomerListExportTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerListExportTestsOnPostgres(PostgresApp app) : CustomerListExportTests(app), IClassFixture<PostgresApp>;
