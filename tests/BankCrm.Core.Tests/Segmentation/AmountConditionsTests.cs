using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Core.Tests.Segmentation;

public sealed class AmountConditionsTests
{
    private static readonly RuleCondition City = new() { Field = RuleFields.City, Value = "上海市" };
    private static readonly RuleCondition AumAtLeastOneMillion = new() { Field = RuleFields.Aum, Operator = RuleOperator.Ge, Value = "1000000" };

    private static CustomerRule Rule(params RuleCondition[] conditions) => new() { Groups = [new RuleGroup { Conditions = conditions }] };

    [Fact]
    public void Refused_WhenANewRuleBoundsAnAmount_NamesTheCondition()
    {
        var error = Assert.Single(AmountConditions.Refused(Rule(City, AumAtLeastOneMillion), stored: null));

        Assert.Equal("groups[0].conditions[1].field", error.Field);
        Assert.Equal(AmountConditions.RuleCode, error.Rule);
        Assert.Contains("资产管理规模", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_WhenATransactionAmountIsBounded_IsRefusedToo()
    {
        var txAmount = new RuleCondition { Field = RuleFields.TxAmount, Operator = RuleOperator.Gt, Value = "1400", WindowDays = 30 };

        Assert.Single(AmountConditions.Refused(Rule(txAmount), stored: null));
    }

    [Fact]
    public void Refused_WhenTheStoredBoundIsKeptAsItIs_IsEmpty()
    {
        var stored = Rule(City, AumAtLeastOneMillion);
        var edited = Rule(new RuleCondition { Field = RuleFields.Age, Operator = RuleOperator.Ge, Value = "30" }, AumAtLeastOneMillion with { Value = " 1000000 " });

        Assert.Empty(AmountConditions.Refused(edited, stored));
    }

    [Theory]
    [InlineData("999999", RuleOperator.Ge)]
    [InlineData("1000000", RuleOperator.Gt)]
    public void Refused_WhenTheStoredBoundIsMoved_IsRefused(string value, RuleOperator op)
    {
        var moved = Rule(City, AumAtLeastOneMillion with { Value = value, Operator = op });

        Assert.Single(AmountConditions.Refused(moved, Rule(City, AumAtLeastOneMillion)));
    }

    [Fact]
    public void Refused_WhenNoAmountField_IsEmpty()
    {
        Assert.Empty(AmountConditions.Refused(Rule(City, new RuleCondition { Field = RuleFields.MonetaryScore, Operator = RuleOperator.Ge, Value = "4" }), stored: null));
    }
}
