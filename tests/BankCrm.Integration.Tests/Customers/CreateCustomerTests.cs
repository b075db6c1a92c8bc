using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Data.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;

namespace BankCrm.Integration.Tests.Customers;

public abstract class CreateCustomerTests(BankCrmApp app)
{
    [Fact]
    public async Task A_valid_customer_is_created_and_can_be_read_back_masked()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("陈创建") with { Email = "chen.chuangjian@example.com", City = "上海市" };

        using var response = await rm1.PostAsJsonAsync("/api/v1/customers", input, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CustomerResponse>(CustomerApi.Json))!;
        Assert.Equal($"/api/v1/customers/{created.Id}", response.Headers.Location!.OriginalString);
        Assert.True(CustomerNumber.IsWellFormed(created.CustomerNumber), created.CustomerNumber);
        Assert.Equal(1, created.Version);

        var read = await rm1.GetOkAsync<CustomerResponse>($"/api/v1/customers/{created.Id}");
        Assert.Equal(created.CustomerNumber, read.CustomerNumber);
        Assert.Equal("陈创建", read.Name);
        Assert.Equal(Masking.IdNumber(input.IdNumber), read.MaskedIdNumber);
        Assert.Equal(input.Mobile![..3] + "****" + input.Mobile[^4..], read.MaskedMobile);
        Assert.Equal("c***@example.com", read.MaskedEmail);
        Assert.Equal(ResidentIdNumber.Parse(input.IdNumber, DateOnly.MaxValue).Value!.BirthDate, read.BirthDate);
        Assert.Equal(KycStatus.Pending, read.KycStatus);
        Assert.Equal(1, read.BranchId);
    }

    [Fact]
    public async Task The_api_never_returns_a_full_id_number_or_mobile()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("陈不露");
        var created = await rm1.CreateAsync(input);

        var body = await rm1.GetStringAsync($"/api/v1/customers/{created.Id}");

        Assert.DoesNotContain(input.IdNumber!, body, StringComparison.Ordinal);
        Assert.DoesNotContain(input.Mobile!, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_id_check_digit_answers_400_naming_the_rule()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var id = CustomerApi.NextIdNumber();
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');

        using var response = await rm1.PostAsJsonAsync("/api/v1/customers", CustomerApi.Individual("陈校验") with { IdNumber = wrong }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["身份证号校验位错误"], (await response.ProblemAsync()).Errors("idNumber"));
    }

    [Fact]
    public async Task A_bad_mobile_answers_400_on_the_mobile_field()
    {
        using var rm1 = await app.ClientForAsync("rm1");

        using var response = await rm1.PostAsJsonAsync("/api/v1/customers", CustomerApi.Individual("陈手机") with { Mobile = "12012345678" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["手机号号段不存在"], (await response.ProblemAsync()).Errors("mobile"));
    }

    [Fact]
    public async Task Every_broken_rule_is_reported_at_once()
    {
        using var rm1 = await app.ClientForAsync("rm1");

        using var response = await rm1.PostAsJsonAsync("/api/v1/customers", new CustomerInput { Name = " ", IdNumber = "1.10105E+17", Mobile = "138", Email = "nope" }, CustomerApi.Json);

        var problem = await response.ProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["姓名不能为空"], problem.Errors("name"));
        Assert.Contains("Excel", Assert.Single(problem.Errors("idNumber")), StringComparison.Ordinal);
        Assert.Equal(["手机号应为 11 位数字"], problem.Errors("mobile"));
        Assert.Equal(["邮箱格式不正确"], problem.Errors("email"));
    }

    [Fact]
    public async Task A_corporate_customer_without_legal_representative_is_refused()
    {
        using var rm1 = await app.ClientForAsync("rm1");

        using var response = await rm1.PostAsJsonAsync("/api/v1/customers", CustomerApi.Corporate("陈氏贸易有限公司") with { LegalRepresentative = null }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["对公客户必须填写法定代表人"], (await response.ProblemAsync()).Errors("legalRepresentative"));
    }

    [Fact]
    public async Task A_complete_corporate_customer_is_created_without_a_mobile()
    {
        using var rm1 = await app.ClientForAsync("rm1");

        var created = await rm1.CreateAsync(CustomerApi.Corporate("陈氏实业有限公司"));

        Assert.Equal(CustomerType.Corporate, created.Type);
        Assert.Equal("王建国", created.LegalRepresentative);
        Assert.Equal(string.Empty, created.MaskedMobile);
    }

    [Fact]
    public async Task The_same_id_number_twice_answers_409_pointing_at_the_existing_customer()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var first = CustomerApi.Individual("陈重号");
        var existing = await rm1.CreateAsync(first);

        // Typed differently (lower-case x, spaces) but the same person; the RM tries to open it again. (A duplicate
        // outside the caller's scope is answered without naming it: DuplicateProbeTests.)
        var again = CustomerApi.Individual("陈重号") with { IdNumber = " " + first.IdNumber!.ToLowerInvariant() + " " };
        using var response = await rm1.PostAsJsonAsync("/api/v1/customers", again, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(existing.Id, problem.GetProperty("existingCustomerId").GetInt64());
        Assert.Equal(existing.CustomerNumber, problem.GetProperty("existingCustomerNumber").GetString());
        Assert.Contains("证件号码与已有客户相同", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_name_and_mobile_answers_409_even_with_another_id_number()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var first = CustomerApi.Individual("陈同名");
        var existing = await rm1.CreateAsync(first);

        var sameNameAndPhone = CustomerApi.Individual("陈同名") with { Mobile = "+86 " + first.Mobile };
        using var response = await rm1.PostAsJsonAsync("/api/v1/customers", sameNameAndPhone, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(existing.Id, problem.GetProperty("existingCustomerId").GetInt64());
        Assert.Contains("姓名和手机号与已有客户相同", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_mobile_under_another_name_is_allowed()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var parent = CustomerApi.Individual("陈家长");
        var first = await rm1.CreateAsync(parent);

        var spouse = await rm1.CreateAsync(CustomerApi.Individual("林家属") with { Mobile = parent.Mobile });

        Assert.NotEqual(first.Id, spouse.Id);
    }

    [Fact]
    public async Task Each_new_customer_gets_a_new_higher_customer_number()
    {
        using var rm1 = await app.ClientForAsync("rm1");

        var a = await rm1.CreateAsync(CustomerApi.Individual("陈甲号"));
        var b = await rm1.CreateAsync(CustomerApi.Individual("陈乙号"));

        Assert.True(CustomerNumber.IsWellFormed(b.CustomerNumber), b.CustomerNumber);
        Assert.True(string.CompareOrdinal(b.CustomerNumber, a.CustomerNumber) > 0, $"{b.CustomerNumber} after {a.CustomerNumber}");
        Assert.True(b.Id > a.Id);
    }

    [Fact]
    public async Task Creating_a_customer_records_who_created_it()
    {
        using var rm2 = await app.ClientForAsync("rm2");
        var created = await rm2.CreateAsync(CustomerApi.Individual("陈留痕"));

        var changes = await rm2.GetOkAsync<PagedResult<ChangeLine>>($"/api/v1/customers/{created.Id}/changes");

        var entry = Assert.Single(changes.Items);
        Assert.Equal(("Created", "rm2", created.CustomerNumber), (entry.Field, entry.ChangedBy, entry.NewValue));
    }
}

public sealed class CreateCustomerTestsOnSqlite(SqliteApp app) : CreateCustomerTests(app), IClassFixture<SqliteApp>;

public sealed class CreateCustomerTestsOnPostgres(PostgresApp app) : CreateCustomerTests(app), IClassFixture<PostgresApp>;
