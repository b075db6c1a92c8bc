using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Core.Tests.Segmentation;

public sealed class RuleValidatorTests
{
    private static CustomerRule One(RuleCondition condition, RuleCombine combine = RuleCombine.And) =>
        new() { Groups = [new RuleGroup { Combine = combine, Conditions = [condition] }] };

    [Fact]
    public void Validate_WhenRuleHasNoGroups_NamesGroups()
    {
        var error = Assert.Single(RuleValidator.Validate(new CustomerRule(), RuleUse.Segment));
        Assert.Equal("groups", error.Field);
    }

    [Fact]
    public void Validate_WhenFieldIsUnknown_NamesTheFieldAndPosition()
    {
        var error = Assert.Single(RuleValidator.Validate(One(new RuleCondition { Field = "salary", Value = "1" }), RuleUse.Segment));
        Assert.Equal("groups[0].conditions[0].field", error.Field);
        Assert.Contains("第 1 组第 1 个条件", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("六十", "number")]
    [InlineData("60.5", "integer")]
    [InlineData("200", "range")]
    [InlineData(null, "number")]
    public void Validate_WhenAgeValueIsBad_SaysWhichRule(string? value, string rule)
    {
        var error = Assert.Single(RuleValidator.Validate(One(new RuleCondition { Field = RuleFields.Age, Operator = RuleOperator.Ge, Value = value }), RuleUse.Tag));
        Assert.Equal("groups[0].conditions[0].value", error.Field);
        Assert.Equal(rule, error.Rule);
        Assert.Contains("「年龄」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenBetweenIsReversed_NamesTheUpperBound()
    {
        var error = Assert.Single(RuleValidator.Validate(One(new RuleCondition { Field = RuleFields.Age, Operator = RuleOperator.Between, Value = "60", To = "30" }), RuleUse.Tag));
        Assert.Equal("groups[0].conditions[0].to", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(4000)]
    public void Validate_WhenTransactionFieldHasNoValidWindow_NamesWindowDays(int? window)
    {
        var error = Assert.Single(RuleValidator.Validate(One(new RuleCondition { Field = RuleFields.TxCount, Operator = RuleOperator.Ge, Value = "1", WindowDays = window }), RuleUse.Tag));
        Assert.Equal("groups[0].conditions[0].windowDays", error.Field);
    }

    [Fact]
    public void Validate_WhenProfileFieldHasWindow_RefusesIt() =>
        Assert.Equal("groups[0].conditions[0].windowDays",
            Assert.Single(RuleValidator.Validate(One(new RuleCondition { Field = RuleFields.Age, Operator = RuleOperator.Ge, Value = "1", WindowDays = 30 }), RuleUse.Tag)).Field);

    [Fact]
    public void Validate_WhenOperatorDoesNotFitTheField_ListsTheAllowedOnes()
    {
        var error = Assert.Single(RuleValidator.Validate(One(new RuleCondition { Field = RuleFields.Province, Operator = RuleOperator.Gt, Value = "上海" }), RuleUse.Tag));
        Assert.Equal("groups[0].conditions[0].operator", error.Field);
        Assert.Contains("包含", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTagRuleUsesScores_RefusesAndSegmentAccepts()
    {
        var rule = One(new RuleCondition { Field = RuleFields.CustomerClass, Operator = RuleOperator.Eq, Value = "Growth" });
        Assert.Equal("segment-only", Assert.Single(RuleValidator.Validate(rule, RuleUse.Tag)).Rule);
        Assert.Empty(RuleValidator.Validate(rule, RuleUse.Segment));
    }

    [Fact]
    public void Validate_WhenChoiceIsNotInTheList_NamesTheValue()
    {
        var error = Assert.Single(RuleValidator.Validate(One(new RuleCondition { Field = RuleFields.HoldsCategory, Operator = RuleOperator.In, Values = ["Fund", "Gold"] }), RuleUse.Tag));
        Assert.Equal("groups[0].conditions[0].values", error.Field);
        Assert.Contains("Gold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenListIsEmpty_AsksForAValue() =>
        Assert.Equal("required", Assert.Single(RuleValidator.Validate(One(new RuleCondition { Field = RuleFields.Tag, Operator = RuleOperator.All, Values = [] }), RuleUse.Segment)).Rule);

    [Fact]
    public void Read_WhenOperatorNameIsUnknown_NamesThePath()
    {
        var (rule, error) = RuleJson.Read("""{"groups":[{"conditions":[{"field":"age","operator":"Bigger","value":"1"}]}]}""");
        Assert.Null(rule);
        Assert.Equal("groups[0].conditions[0].operator", error!.Field);
    }

    [Fact]
    public void Read_WhenValueIsANumber_ReadsItAsText()
    {
        var (rule, error) = RuleJson.Read("""{"groups":[{"conditions":[{"field":"age","operator":"Ge","value":60}]}]}""");
        Assert.Null(error);
        Assert.Equal("60", rule!.Groups[0].Conditions[0].Value);
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameRule()
    {
        var rule = new CustomerRule
        {
            Combine = RuleCombine.Or,
            Groups =
            [
                One(new RuleCondition { Field = RuleFields.HoldsCategory, Operator = RuleOperator.In, Values = ["Fund"] }).Groups[0],
                new RuleGroup { Conditions = [new RuleCondition { Field = RuleFields.ProductViewCount, Operator = RuleOperator.Ge, Value = "2", WindowDays = 90 }] },
            ],
        };
        Assert.Empty(RuleValidator.Validate(rule, RuleUse.Tag));
        var (read, _) = RuleJson.Read(RuleJson.Write(rule));
        Assert.Equal(RuleJson.Write(rule), RuleJson.Write(read!));
    }
}
