using BankCrm.Core.Organization;

namespace BankCrm.Core.Tests.Organization;

public sealed class ActorTextAsSeenTests
{
    private static Actor As(string role) => new("u1", "user", [role], 1);

    [Fact]
    public void TextAsSeen_WhenBasicView_MasksTheCompanyNameInsideTheText()
    {
        var seen = As(StaffRole.Marketing).TextAsSeen("尊敬的上海测试贸易有限公司：您的年度账单已生成。", "上海测试贸易有限公司");

        Assert.Equal("尊敬的上*********：您的年度账单已生成。", seen);
    }

    [Fact]
    public void TextAsSeen_WhenLatinNameIsAddressedByItsLastWord_HidesThatWord()
    {
        var seen = As(StaffRole.Teller).TextAsSeen("Dear Smith先生, welcome.", "John Smith");

        Assert.Equal("Dear *****先生, welcome.", seen);
    }

    [Fact]
    public void TextAsSeen_WhenFullView_LeavesTheTextAsItIs()
    {
        const string text = "尊敬的上海测试贸易有限公司：您好";

        Assert.Equal(text, As(StaffRole.ComplianceOfficer).TextAsSeen(text, "上海测试贸易有限公司"));
    }

    [Fact]
    public void NameAsSeen_WhenBasicView_MasksALegalRepresentativeLikeAnyName()
    {
        Assert.Equal("王**", As(StaffRole.Teller).NameAsSeen("王大明"));
        Assert.Equal("王大明", As(StaffRole.RelationshipManager).NameAsSeen("王大明"));
    }
}
