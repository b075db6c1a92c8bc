using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Customers;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Customers;

/// <summary>
/// Issue 11, finding 5: the duplicate check must not be an oracle for customers outside the caller's scope. rm2 cannot
/// see rm1's customers; typing one's ID number or name + mobile answers 409 in neutral words, without the customer's
/// number or id, and the probe is audited.
/// </summary>
public abstract class DuplicateProbeTests(BankCrmApp app)
{
    [Fact]
    public async Task An_id_number_of_a_customer_out_of_scope_answers_409_without_naming_the_customer_and_is_audited()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var first = CustomerApi.Individual("公孙查重");
        var existing = await rm1.CreateAsync(first);
        using var rm2 = await app.ClientForAsync("rm2");

        using var response = await rm2.PostAsJsonAsync("/api/v1/customers", CustomerApi.Individual("公孙另名") with { IdNumber = first.IdNumber }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = await response.ProblemAsync();
        Assert.Equal("证件号码已被登记，请联系分行核实", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("existingCustomerId", out _), body);
        Assert.False(problem.TryGetProperty("existingCustomerNumber", out _), body);
        Assert.DoesNotContain(existing.CustomerNumber, body, StringComparison.Ordinal);
        Assert.DoesNotContain("公孙查重", body, StringComparison.Ordinal);
        var probe = Assert.Single(await app.EntriesAsync(e => e.CustomerId == existing.Id && e.Action == AuditActions.CustomerDuplicateProbe));
        Assert.Equal("rm2", probe.ActorName);
        Assert.Equal("id_number", probe.Fields);
    }

    [Fact]
    public async Task Name_and_mobile_of_a_customer_out_of_scope_answer_409_without_naming_the_customer_and_are_audited()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var first = CustomerApi.Individual("公孙同机");
        var existing = await rm1.CreateAsync(first);
        using var rm2 = await app.ClientForAsync("rm2");

        using var response = await rm2.PostAsJsonAsync("/api/v1/customers", CustomerApi.Individual("公孙同机") with { Mobile = first.Mobile }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("姓名和手机号已被登记，请联系分行核实", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("existingCustomerId", out _));
        Assert.DoesNotContain(existing.CustomerNumber, problem.ToString(), StringComparison.Ordinal);
        var probe = Assert.Single(await app.EntriesAsync(e => e.CustomerId == existing.Id && e.Action == AuditActions.CustomerDuplicateProbe));
        Assert.Equal(("rm2", "name,mobile"), (probe.ActorName, probe.Fields));
    }

    [Fact]
    public async Task Editing_a_customer_to_the_id_number_of_one_out_of_scope_answers_the_same_neutral_409()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var theirs = CustomerApi.Individual("公孙他户");
        var existing = await rm1.CreateAsync(theirs);
        using var rm2 = await app.ClientForAsync("rm2");
        var mine = await rm2.CreateAsync(CustomerApi.Individual("公孙本户"));

        // A new ID number comes with its birth date and gender, or validation answers first.
        var parsed = ResidentIdNumber.Parse(theirs.IdNumber, DateOnly.MaxValue).Value!;
        using var response = await rm2.PutAsJsonAsync(
            $"/api/v1/customers/{mine.Id}", new { version = mine.Version, idNumber = theirs.IdNumber, birthDate = parsed.BirthDate, gender = parsed.Gender.ToString() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("证件号码已被登记，请联系分行核实", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(existing.CustomerNumber, problem.ToString(), StringComparison.Ordinal);
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == existing.Id && e.Action == AuditActions.CustomerDuplicateProbe && e.ActorName == "rm2"));
    }

    [Fact]
    public async Task A_duplicate_in_the_callers_own_scope_still_points_at_the_existing_customer_and_is_no_probe()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var first = CustomerApi.Individual("公孙本行");
        var existing = await rm1.CreateAsync(first);

        using var response = await rm1.PostAsJsonAsync("/api/v1/customers", CustomerApi.Individual("公孙本行") with { IdNumber = first.IdNumber }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(existing.Id, problem.GetProperty("existingCustomerId").GetInt64());
        Assert.Equal(existing.CustomerNumber, problem.GetProperty("existingCustomerNumber").GetString());
        Assert.Empty(await app.EntriesAsync(e => e.CustomerId == existing.Id && e.Action == AuditActions.CustomerDuplicateProbe));
    }
}

public sealed class DuplicateProbeTestsOnSqlite(SqliteApp app) : DuplicateProbeTests(app), IClassFixture<SqliteApp>;

public sealed class DuplicateProbeTestsOnPostgres(PostgresApp app) : DuplicateProbeTests(app), IClassFixture<PostgresApp>;
