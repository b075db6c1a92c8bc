using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Data.Customers;
using BankCrm.Data.Customers.Sharing;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;
using BankCrm.Web.Customers.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Customers;

/// <summary>客户共享: rm1 shares a customer of their book with rm2 for a limited time; everything else stays 404.</summary>
public abstract class CustomerSharingTests(BankCrmApp app)
{
    [Fact]
    public async Task Rm_sees_a_customer_of_another_rm_only_while_it_is_shared_with_them()
    {
        var input = CustomerApi.Individual("钱共享");
        var customer = await NewCustomerAsync(input);
        var holder = await HoldingsSeed.WriteAsync(app, input, customer);
        using var rm2 = await app.ClientForAsync("rm2");
        using (var before = await rm2.GetAsync($"/api/v1/customers/{customer.Id}/360"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        var share = await ShareAsync(customer.Id, "rm2", "客户经理李明休假，王芳代为服务");

        Assert.Equal(customer.Id, (await rm2.GetOkAsync<CustomerResponse>($"/api/v1/customers/{customer.Id}")).Id);
        Assert.Equal(customer.Id, (await rm2.GetOkAsync<Customer360Summary>($"/api/v1/customers/{customer.Id}/360")).Id);
        var transactions = await rm2.GetOkAsync<PagedResult<TransactionLine>>($"/api/v1/customers/{customer.Id}/transactions?pageSize=100");
        Assert.Equal(holder.Transactions.Count, transactions.Total);
        var search = await rm2.GetOkAsync<PagedResult<CustomerListItem>>($"/api/v1/customers?q={Uri.EscapeDataString("钱共享")}");
        Assert.Contains(search.Items, c => c.Id == customer.Id);
        var rm1Book = await rm2.GetOkAsync<PagedResult<CustomerListItem>>($"/api/v1/customers?relationshipManagerId={await UserIdAsync("rm1")}&pageSize=100");
        Assert.Contains(customer.Id, rm1Book.Items.Select(c => c.Id));
        Assert.Equal(await UserIdAsync("rm2"), share.SharedWithId);
        Assert.Equal("王芳", share.SharedWithName);
    }

    [Fact]
    public async Task An_expired_share_no_longer_shows_the_customer()
    {
        var customer = await NewCustomerAsync(CustomerApi.Individual("钱过期"));
        var share = await ShareAsync(customer.Id, "rm2", "临时协办");
        using var rm2 = await app.ClientForAsync("rm2");
        await rm2.GetOkAsync<CustomerResponse>($"/api/v1/customers/{customer.Id}");

        await using (var db = app.CreateDbContext())
        {
            var row = await db.CustomerShares.SingleAsync(s => s.Id == share.Id);
            row.ExpiresAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        // What the 30-second cache lifetime does on its own: the next read goes to the database.
        app.Services.GetRequiredService<SharedCustomersCache>().Forget(share.SharedWithId);

        using var after = await rm2.GetAsync($"/api/v1/customers/{customer.Id}");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        using var listed = await rm2.GetAsync($"/api/v1/customers/{customer.Id}/transactions");
        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
    }

    [Fact]
    public async Task A_revoked_share_ends_at_once_and_both_changes_are_audited()
    {
        var customer = await NewCustomerAsync(CustomerApi.Individual("钱撤销"));
        var share = await ShareAsync(customer.Id, "rm2", "联合拜访");
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        await rm2.GetOkAsync<CustomerResponse>($"/api/v1/customers/{customer.Id}");
        Assert.Contains((await rm1.GetOkAsync<List<ShareLine>>($"/api/v1/customers/{customer.Id}/shares")), s => s.Id == share.Id);

        using var revoke = await rm1.DeleteAsync($"/api/v1/customers/{customer.Id}/shares/{share.Id}");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var after = await rm2.GetAsync($"/api/v1/customers/{customer.Id}");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Empty(await rm1.GetOkAsync<List<ShareLine>>($"/api/v1/customers/{customer.Id}/shares"));
        var rm1Id = await UserIdAsync("rm1");
        var shared = Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Action == AuditActions.CustomerShared));
        Assert.Equal(rm1Id, shared.ActorId);
        Assert.Contains(share.SharedWithId, shared.Detail, StringComparison.Ordinal);
        Assert.Contains("联合拜访", shared.Detail, StringComparison.Ordinal);
        var revoked = Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Action == AuditActions.CustomerShareRevoked));
        Assert.Equal(rm1Id, revoked.ActorId);
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Action == AuditActions.CustomerAccessDenied && e.ActorId == share.SharedWithId));
        await using var db = app.CreateDbContext();
        var row = await db.CustomerShares.SingleAsync(s => s.Id == share.Id);
        Assert.NotNull(row.RevokedAt);
        Assert.Equal(rm1Id, row.RevokedById);
    }

    [Fact]
    public async Task A_colleague_cannot_pass_on_a_shared_customer_nor_share_one_outside_their_book()
    {
        var shared = await NewCustomerAsync(CustomerApi.Individual("钱转让"));
        var notShared = await NewCustomerAsync(CustomerApi.Individual("钱不给"));
        await ShareAsync(shared.Id, "rm2", "协办");
        using var rm2 = await app.ClientForAsync("rm2");
        var body = new { sharedWithId = await UserIdAsync("rm1"), expiresAt = InDays(3), reason = "再转给别人" };

        using var reshare = await rm2.PostAsJsonAsync($"/api/v1/customers/{shared.Id}/shares", body, CustomerApi.Json);
        using var outside = await rm2.PostAsJsonAsync($"/api/v1/customers/{notShared.Id}/shares", body, CustomerApi.Json);
        using var list = await rm2.GetAsync($"/api/v1/customers/{notShared.Id}/shares");

        Assert.Equal(HttpStatusCode.Forbidden, reshare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(2, (await app.EntriesAsync(e => e.CustomerId == notShared.Id && e.Action == AuditActions.CustomerAccessDenied)).Count);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.CustomerShares.CountAsync(s => s.CustomerId == shared.Id));
        Assert.False(await db.CustomerShares.AnyAsync(s => s.CustomerId == notShared.Id));
    }

    [Fact]
    public async Task A_teller_cannot_share_and_a_branch_manager_can()
    {
        var customer = await NewCustomerAsync(CustomerApi.Individual("钱行长"));
        using var teller = await app.ClientForAsync("teller1");
        using var manager = await app.ClientForAsync("manager1");
        var body = new { sharedWithId = await UserIdAsync("rm2"), expiresAt = InDays(2), reason = "支行安排协办" };

        using var byTeller = await teller.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/shares", body, CustomerApi.Json);
        using var byManager = await manager.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/shares", body, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Forbidden, byTeller.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byManager.StatusCode);
        using var rm2 = await app.ClientForAsync("rm2");
        await rm2.GetOkAsync<CustomerResponse>($"/api/v1/customers/{customer.Id}");
    }

    [Theory]
    [InlineData("reason", "请填写共享原因")]
    [InlineData("expiresAt", "共享时间不能超过 30 天")]
    [InlineData("expiresAt", "共享截止时间至少在 1 小时之后")]
    [InlineData("sharedWithId", "只能共享给客户经理或网点负责人")]
    [InlineData("sharedWithId", "该同事不存在")]
    [InlineData("sharedWithId", "该同事已可查看此客户，无需共享")]
    [InlineData("sharedWithId", "不能共享给自己")]
    public async Task Bad_input_is_refused_naming_the_field(string field, string message)
    {
        var customer = await NewCustomerAsync(CustomerApi.Individual("钱输入"));
        var body = new Dictionary<string, object?>
        {
            ["sharedWithId"] = await UserIdAsync("rm2"),
            ["expiresAt"] = InDays(7),
            ["reason"] = "协办",
        };
        switch (message)
        {
            case "请填写共享原因": body["reason"] = "  "; break;
            case "共享时间不能超过 30 天": body["expiresAt"] = InDays(31); break;
            case "共享截止时间至少在 1 小时之后": body["expiresAt"] = TimeProvider.System.GetUtcNow().AddMinutes(30); break;
            case "只能共享给客户经理或网点负责人": body["sharedWithId"] = await UserIdAsync("teller1"); break;
            case "该同事不存在": body["sharedWithId"] = "no-such-user"; break;
            case "该同事已可查看此客户，无需共享": body["sharedWithId"] = await UserIdAsync("manager1"); break;
            case "不能共享给自己": body["sharedWithId"] = await UserIdAsync("rm1"); break;
        }

        using var rm1 = await app.ClientForAsync("rm1");
        using var response = await rm1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/shares", body, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], (await response.ProblemAsync()).Errors(field));
        await using var db = app.CreateDbContext();
        Assert.False(await db.CustomerShares.AnyAsync(s => s.CustomerId == customer.Id));
        Assert.Empty(await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Action == AuditActions.CustomerShared));
    }

    [Fact]
    public async Task Sharing_twice_with_the_same_colleague_is_refused_until_the_first_share_is_revoked()
    {
        var customer = await NewCustomerAsync(CustomerApi.Individual("钱两次"));
        var first = await ShareAsync(customer.Id, "rm2", "第一次");
        using var rm1 = await app.ClientForAsync("rm1");
        var body = new { sharedWithId = first.SharedWithId, expiresAt = InDays(5), reason = "第二次" };

        using var again = await rm1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/shares", body, CustomerApi.Json);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.StartsWith("已共享给该同事", Assert.Single((await again.ProblemAsync()).Errors("sharedWithId")), StringComparison.Ordinal);

        (await rm1.DeleteAsync($"/api/v1/customers/{customer.Id}/shares/{first.Id}")).Dispose();
        using var afterRevoke = await rm1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/shares", body, CustomerApi.Json);
        Assert.Equal(HttpStatusCode.Created, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task A_shared_customer_does_not_count_in_the_colleagues_own_book_overview()
    {
        var customer = await NewCustomerAsync(CustomerApi.Individual("钱不计入"));
        await using var db = app.CreateDbContext();
        var rm2Id = await UserIdAsync("rm2");
        var rm2 = new Core.Organization.Actor(rm2Id, "rm2", [Core.Organization.StaffRole.RelationshipManager], 1);
        var before = await new BookOverviewQuery(db).ForAsync(rm2);

        var withShare = await new BookOverviewQuery(db).ForAsync(rm2 with { SharedCustomerIds = [customer.Id] });

        Assert.Equal(before.CustomerCount, withShare.CustomerCount);
        Assert.True(await db.Customers.VisibleTo(rm2 with { SharedCustomerIds = [customer.Id] }).AnyAsync(c => c.Id == customer.Id));
        Assert.False(await db.Customers.VisibleTo(rm2).AnyAsync(c => c.Id == customer.Id));
    }

    private static DateTimeOffset InDays(int days) => TimeProvider.System.GetUtcNow().AddDays(days);

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<CustomerResponse> NewCustomerAsync(CustomerInput input)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        return await rm1.CreateAsync(input);
    }

    private async Task<ShareLine> ShareAsync(long customerId, string colleague, string reason)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        using var response = await rm1.PostAsJsonAsync(
            $"/api/v1/customers/{customerId}/shares", new { sharedWithId = await UserIdAsync(colleague), expiresAt = InDays(7), reason }, CustomerApi.Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST shares answered {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<ShareLine>(body, CustomerApi.Json)!;
    }
}

public sealed class CustomerSharingTestsOnSqlite(SqliteApp app) : CustomerSharingTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerSharingTestsOnPostgres(PostgresApp app) : CustomerSharingTests(app), IClassFixture<PostgresApp>;
