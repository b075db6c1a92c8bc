using BankCrm.Core.Audit;
using BankCrm.Core.Customers;

namespace BankCrm.Core.Tests.Audit;

public sealed class AuditDetailTests
{
    [Fact]
    public void Changes_WhenPersonalFieldsChange_MasksBeforeAndAfter()
    {
        var json = AuditDetail.Changes(
        [
            new FieldChange { Field = "Mobile", OldValue = "13800138000", NewValue = "13912345678" },
            new FieldChange { Field = "IdNumber", OldValue = "11010519491231002X", NewValue = null },
            new FieldChange { Field = "City", OldValue = "北京", NewValue = "上海" },
        ]);

        Assert.DoesNotContain("13800138000", json, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", json, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", json, StringComparison.Ordinal);
        Assert.Contains("138****8000", json, StringComparison.Ordinal);
        Assert.Contains("110105********002X", json, StringComparison.Ordinal);
        Assert.Contains("\"before\":\"北京\",\"after\":\"上海\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name", "张三丰", "张**")]
    [InlineData("Email", "zhang@example.com", "z***@example.com")]
    [InlineData("AddressLine", "中关村大街1号", "****")]
    [InlineData("BirthDate", "1949-12-31", "****")]
    [InlineData("Industry", "制造业", "制造业")]
    public void Mask_ByField_HidesOnlyPersonalValues(string field, string value, string expected)
    {
        Assert.Equal(expected, AuditDetail.Mask(field, value));
    }
}
