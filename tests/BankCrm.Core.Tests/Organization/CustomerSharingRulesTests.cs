using BankCrm.Core.Organization;

namespace BankCrm.Core.Tests.Organization;

public sealed class CustomerSharingRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void MayShare_WhenTheCustomersOwnRm_IsTrue()
    {
        Assert.True(CustomerSharingRules.MayShare(Rm("rm-1"), "rm-1", 1));
    }

    [Fact]
    public void MayShare_WhenAnotherRmOfTheSameBranch_IsFalse()
    {
        Assert.False(CustomerSharingRules.MayShare(Rm("rm-2"), "rm-1", 1));
    }

    [Fact]
    public void MayShare_WhenTheRmSeesTheCustomerOnlyThroughAShare_IsFalse()
    {
        var colleague = Rm("rm-2") with { SharedCustomerIds = [42] };

        Assert.False(CustomerSharingRules.MayShare(colleague, "rm-1", 1));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void MayShare_WhenBranchManager_OnlyForTheirBranch(int customerBranch, bool expected)
    {
        var manager = new Actor("bm-1", "manager1", [StaffRole.BranchManager], 1);

        Assert.Equal(expected, CustomerSharingRules.MayShare(manager, "rm-1", customerBranch));
    }

    [Theory]
    [InlineData(StaffRole.Teller)]
    [InlineData(StaffRole.Admin)]
    [InlineData(StaffRole.ServiceAgent)]
    [InlineData(StaffRole.Marketing)]
    public void MayShare_WhenNotAccountableForCustomers_IsFalse(string role)
    {
        Assert.False(CustomerSharingRules.MayShare(new Actor("rm-1", "x", [role], 1), "rm-1", 1));
    }

    [Fact]
    public void MayShare_WhenRmWithoutUserIdAndCustomerWithoutRm_IsFalse()
    {
        Assert.False(CustomerSharingRules.MayShare(Rm(string.Empty), null, 1));
    }

    [Fact]
    public void MayRevoke_WhenTheSharerNoLongerLooksAfterTheCustomer_IsStillTrue()
    {
        var share = CustomerShare.Start(42, "rm-2", "rm-1", "休假", Now, Now.AddDays(3));

        Assert.True(CustomerSharingRules.MayRevoke(Rm("rm-1"), share, "rm-9", 1));
        Assert.True(CustomerSharingRules.MayRevoke(Rm("rm-9"), share, "rm-9", 1));
        Assert.False(CustomerSharingRules.MayRevoke(Rm("rm-2"), share, "rm-9", 1));
    }

    [Theory]
    [InlineData(StaffRole.RelationshipManager, true)]
    [InlineData(StaffRole.BranchManager, true)]
    [InlineData(StaffRole.Teller, false)]
    [InlineData(StaffRole.ServiceAgent, false)]
    [InlineData(StaffRole.Auditor, false)]
    public void IsEligibleRecipient_OnlyRelationshipAndBranchManagers(string role, bool expected)
    {
        Assert.Equal(expected, CustomerSharingRules.IsEligibleRecipient([role]));
    }

    [Fact]
    public void AlreadySees_WhenBranchManagerOfTheCustomersBranch_IsTrue()
    {
        Assert.True(CustomerSharingRules.AlreadySees("bm-1", [StaffRole.BranchManager], 1, "rm-1", 1));
        Assert.False(CustomerSharingRules.AlreadySees("bm-2", [StaffRole.BranchManager], 2, "rm-1", 1));
        Assert.False(CustomerSharingRules.AlreadySees("rm-2", [StaffRole.RelationshipManager], 1, "rm-1", 1));
    }

    [Fact]
    public void Validate_WhenReasonAndWindowAreFine_HasNoErrors()
    {
        Assert.Empty(CustomerSharingRules.Validate("客户经理休假", Now.AddDays(7), Now, 30));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WhenNoReason_NamesTheReason(string? reason)
    {
        var error = Assert.Single(CustomerSharingRules.Validate(reason, Now.AddDays(7), Now, 30));

        Assert.Equal(("reason", "required"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_WhenReasonTooLong_NamesTheReason()
    {
        var error = Assert.Single(CustomerSharingRules.Validate(new string('因', CustomerSharingRules.MaxReasonLength + 1), Now.AddDays(1), Now, 30));

        Assert.Equal(("reason", "too_long"), (error.Field, error.Rule));
    }

    [Theory]
    [InlineData(59, "too_short")]
    [InlineData(30 * 24 * 60 + 1, "too_long")]
    public void Validate_WhenWindowOutOfBounds_NamesExpiresAt(int minutes, string rule)
    {
        var error = Assert.Single(CustomerSharingRules.Validate("休假", Now.AddMinutes(minutes), Now, 30));

        Assert.Equal(("expiresAt", rule), (error.Field, error.Rule));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(30 * 24 * 60)]
    public void Validate_WhenWindowExactlyAtABound_IsAccepted(int minutes)
    {
        Assert.Empty(CustomerSharingRules.Validate("休假", Now.AddMinutes(minutes), Now, 30));
    }

    [Fact]
    public void Validate_WhenMaxDaysConfiguredLower_UsesIt()
    {
        var error = Assert.Single(CustomerSharingRules.Validate("休假", Now.AddDays(8), Now, 7));

        Assert.Equal("共享时间不能超过 7 天", error.Message);
    }

    [Fact]
    public void Validate_WhenNoExpiry_NamesExpiresAt()
    {
        Assert.Equal("expiresAt", Assert.Single(CustomerSharingRules.Validate("休假", null, Now, 30)).Field);
    }

    [Fact]
    public void IsActiveAt_EndsAtExpiryAndOnRevocation()
    {
        var share = CustomerShare.Start(42, "rm-2", "rm-1", " 休假 ", Now, Now.AddHours(2));

        Assert.Equal("休假", share.Reason);
        Assert.True(share.IsActiveAt(Now));
        Assert.False(share.IsActiveAt(Now.AddHours(2)));
        share.Revoke("rm-1", Now.AddHours(1));
        share.Revoke("bm-1", Now.AddMinutes(90));
        Assert.False(share.IsActiveAt(Now.AddHours(1)));
        Assert.Equal(("rm-1", Now.AddHours(1)), (share.RevokedById, share.RevokedAt));
    }

    private static Actor Rm(string id) => new(id, id, [StaffRole.RelationshipManager], 1);
}
