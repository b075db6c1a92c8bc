using BankCrm.Core.Consent;
using BankCrm.Core.Organization;

namespace BankCrm.Core.Tests.Consent;

public sealed class ConsentPolicyTests
{
    private static readonly DateTime Opening = new(2024, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 5, 1, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void MayContact_WhenNoRecord_IsFalse()
    {
        Assert.False(ConsentPolicy.MayContact([], ConsentPurpose.Marketing, ContactChannel.Sms, Now));
    }

    [Fact]
    public void MayContact_WhenGrantedOnThatChannel_IsTrue()
    {
        ConsentRecord[] consents = [Grant(ContactChannel.Sms, Opening)];

        Assert.True(ConsentPolicy.MayContact(consents, ConsentPurpose.Marketing, ContactChannel.Sms, Now));
    }

    [Fact]
    public void MayContact_WhenGrantedOnAnotherChannel_IsFalse()
    {
        ConsentRecord[] consents = [Grant(ContactChannel.Sms, Opening)];

        Assert.False(ConsentPolicy.MayContact(consents, ConsentPurpose.Marketing, ContactChannel.WeCom, Now));
    }

    [Fact]
    public void MayContact_WhenWithdrawnAfterGrant_IsFalse()
    {
        ConsentRecord[] consents = [Grant(ContactChannel.Email, Opening), Withdraw(ContactChannel.Email, Opening.AddDays(30))];

        Assert.False(ConsentPolicy.MayContact(consents, ConsentPurpose.Marketing, ContactChannel.Email, Now));
    }

    [Fact]
    public void MayContact_WhenGrantedAgainAfterWithdrawal_IsTrue()
    {
        // Records arrive in any order; the latest by time decides.
        ConsentRecord[] consents = [Grant(ContactChannel.Email, Opening.AddDays(60)), Grant(ContactChannel.Email, Opening), Withdraw(ContactChannel.Email, Opening.AddDays(30))];

        Assert.True(ConsentPolicy.MayContact(consents, ConsentPurpose.Marketing, ContactChannel.Email, Now));
    }

    [Fact]
    public void MayContact_BeforeTheWithdrawal_IsTrue()
    {
        ConsentRecord[] consents = [Grant(ContactChannel.Sms, Opening), Withdraw(ContactChannel.Sms, Opening.AddDays(30))];

        Assert.True(ConsentPolicy.MayContact(consents, ConsentPurpose.Marketing, ContactChannel.Sms, Opening.AddDays(29)));
    }

    [Fact]
    public void MayContact_WhenGrantIsInTheFuture_IsFalse()
    {
        ConsentRecord[] consents = [Grant(ContactChannel.Sms, Now.AddDays(1))];

        Assert.False(ConsentPolicy.MayContact(consents, ConsentPurpose.Marketing, ContactChannel.Sms, Now));
    }

    [Fact]
    public void MayContact_WhenPurposeIsNotMarketing_IsFalse()
    {
        ConsentRecord[] consents = [ConsentRecord.Grant(1, ConsentPurpose.Profiling, null, ConsentSource.App, Opening, "rm-1", null)];

        Assert.False(ConsentPolicy.MayContact(consents, ConsentPurpose.Profiling, ContactChannel.Sms, Now));
    }

    [Fact]
    public void MayProfile_WhenOnlyMarketingGranted_IsFalse()
    {
        ConsentRecord[] consents = [Grant(ContactChannel.Sms, Opening)];

        Assert.False(ConsentPolicy.MayProfile(consents, Now));
    }

    [Fact]
    public void MayProfile_WhenGrantedThenWithdrawn_IsFalse()
    {
        ConsentRecord[] consents =
        [
            ConsentRecord.Grant(1, ConsentPurpose.Profiling, null, ConsentSource.Branch, Opening, "teller-1", "开户时签署"),
            ConsentRecord.Withdraw(1, ConsentPurpose.Profiling, null, ConsentSource.App, Opening.AddDays(10), "customer", null),
        ];

        Assert.False(ConsentPolicy.MayProfile(consents, Now));
        Assert.True(ConsentPolicy.MayProfile(consents, Opening.AddDays(5)));
    }

    [Fact]
    public void MayShareWithThirdParty_WhenNoRecord_IsFalse()
    {
        Assert.False(ConsentPolicy.MayShareWithThirdParty([Grant(ContactChannel.Sms, Opening)], Now));
    }

    [Fact]
    public void Grant_WhenMarketingWithoutChannel_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ConsentRecord.Grant(1, ConsentPurpose.Marketing, null, ConsentSource.Rm, Opening, "rm-1", null));

        Assert.Equal("channel", error.ParamName);
        Assert.StartsWith("营销同意须指明渠道", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grant_WhenProfilingWithChannel_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ConsentRecord.Grant(1, ConsentPurpose.Profiling, ContactChannel.Sms, ConsentSource.Rm, Opening, "rm-1", null));

        Assert.Equal("channel", error.ParamName);
        Assert.StartsWith("Profiling 同意不分渠道", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdraw_SetsWithdrawnAtToTheRecordTime()
    {
        var record = Withdraw(ContactChannel.Sms, Opening);

        Assert.False(record.Granted);
        Assert.Equal(Opening, record.WithdrawnAt);
    }

    [Fact]
    public void AllSubjects_HoldsFiveChannelsAndTwoPurposes()
    {
        Assert.Equal(7, ConsentPolicy.AllSubjects.Count);
        Assert.All(ConsentPolicy.AllSubjects, s => Assert.True(ConsentPolicy.IsValidChannel(s.Purpose, s.Channel)));
    }

    [Theory]
    [InlineData(StaffRole.RelationshipManager, true)]
    [InlineData(StaffRole.Teller, true)]
    [InlineData(StaffRole.BranchManager, true)]
    [InlineData(StaffRole.Marketing, false)]
    [InlineData(StaffRole.Auditor, false)]
    [InlineData(StaffRole.ComplianceOfficer, false)]
    public void MayRecord_DependsOnRole(string role, bool expected)
    {
        Assert.Equal(expected, ConsentRecorders.MayRecord(new Actor("u-1", "u", [role], 1)));
    }

    private static ConsentRecord Grant(ContactChannel channel, DateTime at) =>
        ConsentRecord.Grant(1, ConsentPurpose.Marketing, channel, ConsentSource.Branch, at, "teller-1", null);

    private static ConsentRecord Withdraw(ContactChannel channel, DateTime at) =>
        ConsentRecord.Withdraw(1, ConsentPurpose.Marketing, channel, ConsentSource.Rm, at, "rm-1", "客户来电要求停止");
}
