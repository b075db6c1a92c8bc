using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Consent;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>
/// <see cref="Size"/> customers written straight into the database in a city of their own, a segment of that city
/// saved by marketing1 and shared with marketing and branch managers, a product to convert to, and a second
/// product that does not count.
/// </summary>
public sealed record CampaignWorld(string City, long SegmentId, int ProductId, int OtherProductId, IReadOnlyList<long> CustomerIds)
{
    public const int Size = 2_400;

    public static Task<CampaignWorld> For(BankCrmApp app) => app.OnceAsync("campaign-world", () => CreateAsync(app));

    public static object CityRule(string city) => new
    {
        combine = "And",
        groups = new[] { new { combine = "And", conditions = new[] { new { field = "city", @operator = "Eq", value = city } } } },
    };

    public static async Task<long> SaveSegmentAsync(BankCrmApp app, string user, string name, string city)
    {
        using var client = await app.ClientForAsync(user);
        var sharedWith = new[] { new { kind = "Role", principal = "Marketing" }, new { kind = "Role", principal = "BranchManager" } };
        using var response = await client.PostAsJsonAsync("/api/v1/segments", new { name, description = "营销活动测试", rule = CityRule(city), sharedWith });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<CampaignWorld> CreateAsync(BankCrmApp app)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var city = "活动测试市" + Guid.NewGuid().ToString("N")[..6];
        await using var db = app.CreateDbContext();
        var customers = Enumerable.Range(0, Size).Select(i => Customer.Create(
            "K" + Guid.NewGuid().ToString("N")[..11],
            new CustomerProfile { Name = $"测试客户{i:D4}", Gender = i % 2 == 0 ? Gender.Male : Gender.Female, Province = "测试省", City = city },
            DemoStaff.HomeBranchId, null, now)).ToList();
        db.Customers.AddRange(customers);
        var productId = 9300 + Random.Shared.Next(300);
        db.Products.AddRange(
            new Product { Id = productId, Code = "T-WM-" + productId, Name = "稳健理财 90 天", Category = ProductCategory.Wealth, RiskLevel = 2 },
            new Product { Id = productId + 300, Code = "T-CC-" + productId, Name = "测试信用卡", Category = ProductCategory.CreditCard });
        await db.SaveChangesAsync();
        await ProfilingConsents.GrantAsync(db, customers.Select(c => c.Id));
        var segmentId = await SaveSegmentAsync(app, "marketing1", "活动测试客群", city);
        return new CampaignWorld(city, segmentId, productId, productId + 300, [.. customers.Select(c => c.Id).Order()]);
    }

    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);
}
