using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Data.Privacy;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Privacy;

/// <summary>Accounts, transactions, contacts and interactions written the way the feeds would, and the request API as a client calls it.</summary>
public static class PrivacySeed
{
    private const int ProductId = 9201;

    public static Task<object> ProductAsync(BankCrmApp app) => app.OnceAsync("privacy-product", async () =>
    {
        await using var db = app.CreateDbContext();
        db.Products.Add(new Product { Id = ProductId, Code = "T-PRIVACY", Name = "隐私测试活期", Category = ProductCategory.DemandDeposit });
        await db.SaveChangesAsync();
        return new object();
    });

    /// <summary>One account with <paramref name="transactions"/> transactions, the newest <paramref name="lastDaysAgo"/> days ago.</summary>
    public static async Task<long> AccountAsync(BankCrmApp app, long customerId, AccountStatus status, int transactions, int lastDaysAgo)
    {
        await ProductAsync(app);
        await using var db = app.CreateDbContext();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var account = new Account
        {
            CustomerId = customerId,
            ProductId = ProductId,
            AccountNumber = $"621700{customerId:D10}",
            OpenedOn = DateOnly.FromDateTime(now.AddDays(-lastDaysAgo - transactions - 30)),
            Balance = status == AccountStatus.Closed ? 0m : 1_000m,
            Status = status,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        for (var i = 0; i < transactions; i++)
        {
            db.Transactions.Add(new Transaction
            {
                CustomerId = customerId,
                AccountId = account.Id,
                OccurredAt = now.AddDays(-lastDaysAgo - i),
                Amount = i % 2 == 0 ? 100.25m : -40.10m,
                Kind = i % 2 == 0 ? TransactionKind.Deposit : TransactionKind.CardPurchase,
                Channel = TransactionChannel.Counter,
                Counterparty = "隐私测试对手方",
            });
        }

        await db.SaveChangesAsync();
        return account.Id;
    }

    public static async Task ContactsAndInteractionAsync(BankCrmApp app, long customerId)
    {
        await using var db = app.CreateDbContext();
        db.ContactPoints.Add(new ContactPoint { CustomerId = customerId, Kind = ContactKind.HomeAddress, Value = "上海市浦东新区隐私路 1 号" });
        db.Interactions.Add(new Interaction { CustomerId = customerId, Channel = InteractionChannel.Call, OccurredAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-3), Summary = "客户提到女儿明年出国留学", Outcome = "有意向", NextStep = "推荐留学贷款" });
        await db.SaveChangesAsync();
    }

    public static async Task<RequestDetail> CreateRequestAsync(this HttpClient client, long customerId, string kind)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/privacy/requests", new { customerId, kind, channel = "Branch", requesterNote = "客户到柜面提出" }, CustomerApi.Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/privacy/requests answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<RequestDetail>(body, CustomerApi.Json)!;
    }

    public static Task<HttpResponseMessage> TransitionAsync(this HttpClient client, long requestId, string status, string? note = null) =>
        client.PostAsJsonAsync($"/api/v1/privacy/requests/{requestId}/transition", new { status, note }, CustomerApi.Json);

    public static async Task TakeAsync(this HttpClient client, long requestId)
    {
        using var response = await client.TransitionAsync(requestId, "InProgress");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"taking request {requestId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
