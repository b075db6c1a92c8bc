using BankCrm.Core.Common;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using BankCrm.Data.Scoring;
using BankCrm.Data.Scoring.Churn;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Scoring;

/// <summary>
/// With a trained churn model an RM sees, on the portrait tab, the probability of every customer of theirs, the
/// three reasons for one at risk (amounts hidden until a step-up), and for one at low risk a sentence saying so.
/// </summary>
public sealed class ChurnPortraitJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task An_RM_sees_the_reasons_for_a_customer_at_risk_and_a_low_risk_note_for_the_others()
    {
        var (atRisk, lowRisk) = await TrainScoreAndPickRm1CustomersAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(LiveApp.Rm1.UserName);
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync($"/customers/{atRisk}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "画像" }).ClickAsync();
        await Expect(page.Locator("#portrait-churn")).ToContainTextAsync("%");
        await Expect(page.Locator("#portrait-churn-factors li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#portrait-churn-low")).ToHaveCountAsync(0);
        // Without a step-up the reasons keep their counts and shares but not the money.
        Assert.DoesNotMatch(@"¥\s?[0-9]", await page.Locator("#portrait-churn-factors").InnerTextAsync());
        Assert.DoesNotMatch(@"¥\s?[0-9]", await page.Locator("#tile-churn").InnerTextAsync());
        await LiveApp.ScreenshotAsync(page, "scoring-4-churn-reasons");

        await page.GotoAsync($"/customers/{lowRisk}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "画像" }).ClickAsync();
        await Expect(page.Locator("#portrait-churn-low")).ToContainTextAsync("风险较低");
        await Expect(page.Locator("#portrait-churn-factors")).ToHaveCountAsync(0);
        await Expect(page.Locator("#tile-churn")).ToContainTextAsync("风险较低");
        await page.Context.CloseAsync();
    }

    private async Task<(long AtRisk, long LowRisk)> TrainScoreAndPickRm1CustomersAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ChurnTraining>().TrainOnDatabaseAsync(null, null, CancellationToken.None);
        var today = ChinaTime.Today(TimeProvider.System);
        var outcome = await app.Services.GetRequiredService<ScoringRunner>().RunAsync(today, force: true, "test", progress: null, CancellationToken.None);
        Assert.Equal(ScoringOutcome.Completed, outcome);

        var rm1 = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(LiveApp.Rm1.UserName);
        await using var db = scope.ServiceProvider.GetRequiredService<CrmDbContextFactory>().CreateDbContext();
        var scores = await db.CustomerScores.Where(s => s.RunDate == today && s.ChurnProbability != null)
            .Join(db.Customers.Where(c => c.RelationshipManagerId == rm1!.Id), s => s.CustomerId, c => c.Id, (s, c) => new { c.Id, s.ChurnProbability })
            .OrderByDescending(s => s.ChurnProbability).ToListAsync();
        Assert.True(scores[0].ChurnProbability >= 0.10, $"rm1's likeliest churner: {scores[0].ChurnProbability:P1}");
        Assert.True(scores[^1].ChurnProbability < 0.10, $"rm1's least likely churner: {scores[^1].ChurnProbability:P1}");
        return (scores[0].Id, scores[^1].Id);
    }
}
