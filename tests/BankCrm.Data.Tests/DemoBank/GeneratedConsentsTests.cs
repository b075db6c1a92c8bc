using BankCrm.Core.Consent;
using BankCrm.Data.DemoBank.Generation;

namespace BankCrm.Data.Tests.DemoBank;

/// <summary>The generated 授权同意: what most customers sign at opening, and that the history holds later changes.</summary>
[Collection(GeneratedBankCollection.Name)]
public sealed class GeneratedConsentsTests(GeneratedBank bank)
{
    private DateTime Now => bank.Time.GetUtcNow().UtcDateTime;

    [Fact]
    public void Consents_WhenGenerated_MostMayGetSmsAndProfilingFewerEmailAndWeCom()
    {
        var sms = Share(c => ConsentPolicy.MayContact(c.Consents, ConsentPurpose.Marketing, ContactChannel.Sms, Now));
        var profiling = Share(c => ConsentPolicy.MayProfile(c.Consents, Now));
        var email = Share(c => ConsentPolicy.MayContact(c.Consents, ConsentPurpose.Marketing, ContactChannel.Email, Now));
        var weCom = Share(c => ConsentPolicy.MayContact(c.Consents, ConsentPurpose.Marketing, ContactChannel.WeCom, Now));

        Assert.InRange(sms, 0.65, 0.9);
        Assert.InRange(profiling, 0.55, 0.85);
        Assert.InRange(email, 0.15, sms - 0.2);
        Assert.InRange(weCom, 0.05, sms - 0.2);
    }

    [Fact]
    public void Consents_WhenGenerated_SomeWereWithdrawnAfterOpening()
    {
        var withdrawals = bank.Customers.SelectMany(c => c.Consents.Where(r => !r.Granted).Select(r => (c, r))).ToList();

        Assert.InRange(withdrawals.Count / (double)bank.Customers.Count, 0.05, 0.6);
        Assert.All(withdrawals, w =>
        {
            Assert.True(w.r.RecordedAt > w.c.Customer.CreatedAt);
            Assert.Equal(w.r.RecordedAt, w.r.WithdrawnAt);
            Assert.Contains(w.c.Consents, g => g.Granted && g.Purpose == w.r.Purpose && g.Channel == w.r.Channel && g.RecordedAt < w.r.RecordedAt);
        });
    }

    [Fact]
    public void Consents_WhenGenerated_AreValidOldestFirstAndNeverInTheFuture()
    {
        Assert.All(bank.Customers, c =>
        {
            Assert.All(c.Consents, r =>
            {
                Assert.Equal(c.Customer.Id, r.CustomerId);
                Assert.True(ConsentPolicy.IsValidChannel(r.Purpose, r.Channel));
                Assert.InRange(r.RecordedAt, c.Customer.CreatedAt, Now);
                Assert.Equal(ConsentGenerator.RecordedBy, r.RecordedBy);
            });
            Assert.Equal(c.Consents.OrderBy(r => r.RecordedAt).Select(r => r.Id), c.Consents.Select(r => r.Id));
        });
    }

    private double Share(Func<GeneratedCustomer, bool> predicate) => bank.Customers.Count(predicate) / (double)bank.Customers.Count;
}
