using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Common;
using BankCrm.Data.Customers;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Customers;

/// <summary>Who sees which customer: an RM their own book, branch staff their branch, head office everything.</summary>
public abstract class CustomerScopeTests(BankCrmApp app)
{
    private sealed record Book(CustomerResponse OfRm1, CustomerResponse OfRm2);

    [Theory]
    [InlineData("")]
    [InlineData("/360")]
    [InlineData("/transactions")]
    [InlineData("/balance-trend")]
    [InlineData("/interactions")]
    [InlineData("/relationships")]
    [InlineData("/changes")]
    public async Task Rm_cannot_open_a_customer_of_another_rm(string part)
    {
        var book = await BookAsync();
        using var rm2 = await app.ClientForAsync("rm2");

        using var response = await rm2.GetAsync($"/api/v1/customers/{book.OfRm1.Id}{part}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Rm_cannot_edit_a_customer_of_another_rm()
    {
        var book = await BookAsync();
        using var rm2 = await app.ClientForAsync("rm2");

        using var response = await rm2.PutAsJsonAsync($"/api/v1/customers/{book.OfRm1.Id}", new { version = book.OfRm1.Version, city = "越权市" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Customers.Where(c => c.Id == book.OfRm1.Id).Select(c => c.City).SingleAsync());
    }

    [Fact]
    public async Task Rm_sees_their_own_customer_everywhere()
    {
        var book = await BookAsync();
        using var rm1 = await app.ClientForAsync("rm1");

        foreach (var part in new[] { "", "/360", "/transactions", "/balance-trend", "/changes" })
        {
            using var response = await rm1.GetAsync($"/api/v1/customers/{book.OfRm1.Id}{part}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{part}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Rm_list_holds_only_their_own_book()
    {
        var book = await BookAsync();
        using var rm2 = await app.ClientForAsync("rm2");

        // Newest first, so the customer just created is on the first page however many the demo bank gave rm2.
        var list = await rm2.GetOkAsync<PagedResult<CustomerListItem>>("/api/v1/customers?pageSize=200&descending=true");
        var searched = await rm2.GetOkAsync<PagedResult<CustomerListItem>>($"/api/v1/customers?q={book.OfRm1.CustomerNumber}");

        Assert.Empty(searched.Items);
        Assert.DoesNotContain(list.Items, c => c.Id == book.OfRm1.Id);
        Assert.Contains(list.Items, c => c.Id == book.OfRm2.Id);
        var rm2Id = await UserIdAsync("rm2");
        Assert.All(list.Items, c => Assert.Equal(rm2Id, c.RelationshipManagerId));
        Assert.Equal(await CountAsync(c => c.RelationshipManagerId == rm2Id), list.Total);
    }

    [Theory]
    [InlineData("manager1")]
    [InlineData("teller1")]
    public async Task Branch_staff_see_every_customer_of_their_branch(string userName)
    {
        var book = await BookAsync();
        using var client = await app.ClientForAsync(userName);

        using var ofRm1 = await client.GetAsync($"/api/v1/customers/{book.OfRm1.Id}");
        using var ofRm2 = await client.GetAsync($"/api/v1/customers/{book.OfRm2.Id}");
        var list = await client.GetOkAsync<PagedResult<CustomerListItem>>("/api/v1/customers?pageSize=1");

        Assert.Equal(HttpStatusCode.OK, ofRm1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ofRm2.StatusCode);
        Assert.Equal(await CountAsync(c => c.BranchId == DemoStaff.HomeBranchId), list.Total);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("compliance1")]
    [InlineData("auditor1")]
    public async Task Head_office_sees_all_customers(string userName)
    {
        var book = await BookAsync();
        using var client = await app.ClientForAsync(userName);

        var list = await client.GetOkAsync<PagedResult<CustomerListItem>>("/api/v1/customers?pageSize=1");
        var one = await client.GetOkAsync<CustomerResponse>($"/api/v1/customers/{book.OfRm2.Id}");

        Assert.Equal(await CountAsync(_ => true), list.Total);
        Assert.Equal(book.OfRm2.CustomerNumber, one.CustomerNumber);
    }

    [Fact]
    public async Task Customers_created_by_an_rm_join_their_own_book()
    {
        var book = await BookAsync();

        Assert.Equal(await UserIdAsync("rm1"), book.OfRm1.RelationshipManagerId);
        Assert.Equal(await UserIdAsync("rm2"), book.OfRm2.RelationshipManagerId);
        Assert.Equal(DemoStaff.HomeBranchId, book.OfRm1.BranchId);
    }

    [Fact]
    public async Task Admin_creates_a_customer_for_a_chosen_rm_and_that_rm_sees_it()
    {
        using var admin = await app.ClientForAsync("admin");
        var rm2Id = await UserIdAsync("rm2");

        var created = await admin.CreateAsync(CustomerApi.Individual("孙指派") with { BranchId = DemoStaff.HomeBranchId, RelationshipManagerId = rm2Id });

        using var rm2 = await app.ClientForAsync("rm2");
        using var rm1 = await app.ClientForAsync("rm1");
        Assert.Equal(HttpStatusCode.OK, (await rm2.GetAsync($"/api/v1/customers/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rm1.GetAsync($"/api/v1/customers/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task Admin_must_choose_a_branch()
    {
        using var admin = await app.ClientForAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/customers", CustomerApi.Individual("孙无行"), CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["请选择所属机构"], (await response.ProblemAsync()).Errors("branchId"));
    }

    private Task<Book> BookAsync() => app.OnceAsync("scope-book", async () =>
    {
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        return new Book(await rm1.CreateAsync(CustomerApi.Individual("孙一号")), await rm2.CreateAsync(CustomerApi.Individual("孙二号")));
    });

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Core.Customers.Customer, bool>> predicate)
    {
        await using var db = app.CreateDbContext();
        return await db.Customers.CountAsync(predicate);
    }
}

public sealed class CustomerScopeTestsOnSqlite(SqliteApp app) : CustomerScopeTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerScopeTestsOnPostgres(PostgresApp app) : CustomerScopeTests(app), IClassFixture<PostgresApp>;
