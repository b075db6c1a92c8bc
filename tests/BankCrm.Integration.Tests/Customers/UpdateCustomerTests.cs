using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Data.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Customers;

public abstract class UpdateCustomerTests(BankCrmApp app)
{
    [Fact]
    public async Task Changing_the_mobile_bumps_the_version_and_is_recorded_masked()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("赵改号");
        var created = await rm1.CreateAsync(input);
        var newMobile = CustomerApi.NextMobile();

        using var response = await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = created.Version, mobile = newMobile });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = (await response.Content.ReadFromJsonAsync<CustomerResponse>(CustomerApi.Json))!;
        Assert.Equal(created.Version + 1, updated.Version);
        Assert.Equal(Masking.Mobile(newMobile), updated.MaskedMobile);
        Assert.Equal(newMobile, await StoredMobileAsync(created.Id));

        var changes = await rm1.GetOkAsync<PagedResult<ChangeLine>>($"/api/v1/customers/{created.Id}/changes");
        var change = Assert.Single(changes.Items, c => c.Field == "Mobile");
        Assert.Equal("rm1", change.ChangedBy);
        Assert.Equal(Masking.Mobile(input.Mobile), change.OldValue);
        Assert.Equal(Masking.Mobile(newMobile), change.NewValue);
        Assert.Contains("****", change.OldValue, StringComparison.Ordinal);
        Assert.Equal(["Mobile", "Created"], changes.Items.Select(c => c.Field));
    }

    [Fact]
    public async Task Fields_left_out_keep_their_values()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("赵留值") with { City = "杭州市", Email = "zhao@example.com" };
        var created = await rm1.CreateAsync(input);

        using var response = await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = 1, city = "宁波市" });

        var updated = (await response.Content.ReadFromJsonAsync<CustomerResponse>(CustomerApi.Json))!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("宁波市", updated.City);
        Assert.Equal(created.MaskedIdNumber, updated.MaskedIdNumber);
        Assert.Equal(created.MaskedMobile, updated.MaskedMobile);
        Assert.Equal("z***@example.com", updated.MaskedEmail);
    }

    [Fact]
    public async Task Saving_nothing_new_keeps_the_version_and_records_nothing()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("赵不变");
        var created = await rm1.CreateAsync(input);

        using var response = await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = 1, name = "赵不变", mobile = input.Mobile });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<CustomerResponse>(CustomerApi.Json))!.Version);
        var changes = await rm1.GetOkAsync<PagedResult<ChangeLine>>($"/api/v1/customers/{created.Id}/changes");
        Assert.Equal(["Created"], changes.Items.Select(c => c.Field));
    }

    [Fact]
    public async Task A_stale_version_answers_409_and_changes_nothing()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("赵并发");
        var created = await rm1.CreateAsync(input);
        using var first = await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = 1, city = "苏州市" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // A second editor still holds version 1.
        using var stale = await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = 1, mobile = CustomerApi.NextMobile() });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.ProblemAsync();
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("客户资料已被他人修改", problem.GetProperty("title").GetString());
        var now = await rm1.GetOkAsync<CustomerResponse>($"/api/v1/customers/{created.Id}");
        Assert.Equal(2, now.Version);
        Assert.Equal("苏州市", now.City);
        Assert.Equal(input.Mobile, await StoredMobileAsync(created.Id));
        var changes = await rm1.GetOkAsync<PagedResult<ChangeLine>>($"/api/v1/customers/{created.Id}/changes");
        Assert.DoesNotContain(changes.Items, c => c.Field == "Mobile");
    }

    [Fact]
    public async Task An_invalid_mobile_answers_400_and_keeps_the_stored_value()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("赵错号");
        var created = await rm1.CreateAsync(input);

        using var response = await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = 1, mobile = "1381234" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["手机号应为 11 位数字"], (await response.ProblemAsync()).Errors("mobile"));
        Assert.Equal(input.Mobile, await StoredMobileAsync(created.Id));
        Assert.Equal(1, (await rm1.GetOkAsync<CustomerResponse>($"/api/v1/customers/{created.Id}")).Version);
    }

    [Fact]
    public async Task Changing_to_another_customers_id_number_answers_409()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var other = CustomerApi.Individual("赵原主");
        var otherCustomer = await rm1.CreateAsync(other);
        var created = await rm1.CreateAsync(CustomerApi.Individual("赵改证"));

        // Birth date and gender are kept when left out, so a new ID number must come with its own.
        var parsed = ResidentIdNumber.Parse(other.IdNumber, DateOnly.MaxValue).Value!;
        using var response = await rm1.PutAsJsonAsync(
            $"/api/v1/customers/{created.Id}",
            new { version = 1, idNumber = other.IdNumber, birthDate = parsed.BirthDate, gender = parsed.Gender.ToString() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(otherCustomer.Id, (await response.ProblemAsync()).GetProperty("existingCustomerId").GetInt64());
    }

    [Fact]
    public async Task An_unknown_customer_answers_404()
    {
        using var rm1 = await app.ClientForAsync("rm1");

        using var response = await rm1.PutAsJsonAsync("/api/v1/customers/987654321", new { version = 1, city = "上海市" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string?> StoredMobileAsync(long id)
    {
        await using var db = app.CreateDbContext();
        return await db.Customers.Where(c => c.Id == id).Select(c => c.Mobile).SingleAsync();
    }
}

public sealed class UpdateCustomerTestsOnSqlite(SqliteApp app) : UpdateCustomerTests(app), IClassFixture<SqliteApp>;

public sealed class UpdateCustomerTestsOnPostgres(PostgresApp app) : UpdateCustomerTests(app), IClassFixture<PostgresApp>;
