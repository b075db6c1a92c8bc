using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Data.Customers;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;

namespace BankCrm.Integration.Tests.Security;

/// <summary>The permission matrix over the API: tellers and marketing get the basic, masked view and nothing more.</summary>
public abstract class RoleViewTests(BankCrmApp app)
{
    [Theory]
    [InlineData("teller1")]
    [InlineData("marketing1")]
    public async Task Basic_view_roles_see_the_name_masked_and_no_birth_date(string userName)
    {
        var customer = await CustomerAsync();
        using var client = await app.ClientForAsync(userName);

        var one = await client.GetOkAsync<CustomerResponse>($"/api/v1/customers/{customer.Id}");
        var listed = await client.GetOkAsync<PagedResult<CustomerListItem>>($"/api/v1/customers?q={customer.CustomerNumber}");

        Assert.Equal("欧阳**", one.Name);
        Assert.Null(one.BirthDate);
        Assert.Equal("欧阳**", Assert.Single(listed.Items).Name);
        Assert.DoesNotContain(customer.IdNumber!, one.MaskedIdNumber, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teller1", "/360")]
    [InlineData("teller1", "/transactions")]
    [InlineData("teller1", "/balance-trend")]
    [InlineData("teller1", "/interactions")]
    [InlineData("teller1", "/relationships")]
    [InlineData("teller1", "/changes")]
    [InlineData("marketing1", "/360")]
    [InlineData("marketing1", "/transactions")]
    [InlineData("agent1", "/360")]
    [InlineData("agent1", "/transactions")]
    public async Task Roles_without_the_permission_are_refused_asset_and_history_details(string userName, string part)
    {
        var customer = await CustomerAsync();
        using var client = await app.ClientForAsync(userName);

        using var response = await client.GetAsync($"/api/v1/customers/{customer.Id}{part}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("teller1")]
    [InlineData("marketing1")]
    [InlineData("agent1")]
    [InlineData("auditor1")]
    public async Task Only_rms_branch_managers_and_admins_create_customers(string userName)
    {
        using var client = await app.ClientForAsync(userName);

        using var response = await client.PostAsJsonAsync("/api/v1/customers", CustomerApi.Individual("孙无权"), CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Service_agents_read_interactions_and_the_full_name()
    {
        var customer = await CustomerAsync();
        using var client = await app.ClientForAsync("agent1");

        var one = await client.GetOkAsync<CustomerResponse>($"/api/v1/customers/{customer.Id}");
        using var interactions = await client.GetAsync($"/api/v1/customers/{customer.Id}/interactions");

        Assert.Equal("欧阳明华", one.Name);
        Assert.Equal(HttpStatusCode.OK, interactions.StatusCode);
    }

    [Fact]
    public async Task The_relationship_manager_sees_the_full_name()
    {
        var customer = await CustomerAsync();
        using var client = await app.ClientForAsync("rm1");

        var one = await client.GetOkAsync<CustomerResponse>($"/api/v1/customers/{customer.Id}");

        Assert.Equal("欧阳明华", one.Name);
        Assert.NotNull(one.BirthDate);
    }

    private Task<Created> CustomerAsync() => app.OnceAsync("role-view-customer", async () =>
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var request = CustomerApi.Individual("欧阳明华");
        var created = await rm1.CreateAsync(request);
        return new Created(created.Id, created.CustomerNumber, request.IdNumber);
    });

    private sealed record Created(long Id, string CustomerNumber, string? IdNumber);
}

public sealed class RoleViewTestsOnSqlite(SqliteApp app) : RoleViewTests(app), IClassFixture<SqliteApp>;

public sealed class RoleViewTestsOnPostgres(PostgresApp app) : RoleViewTests(app), IClassFixture<PostgresApp>;
