using BankCrm.Core.Customers;

namespace BankCrm.Core.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly DateTime CreatedAt = new(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime EditedAt = new(2026, 11, 20, 3, 30, 0, DateTimeKind.Utc);

    private static readonly CustomerProfile Profile = new()
    {
        Type = CustomerType.Individual,
        Name = "张三",
        IdNumber = "110105199003070017",
        Gender = Gender.Male,
        BirthDate = new DateOnly(1990, 3, 7),
        Mobile = "13812345678",
        City = "上海市",
    };

    [Fact]
    public void Create_WhenNew_StartsAtVersionOneWithPendingKyc()
    {
        var customer = Customer.Create("C00000001", Profile, branchId: 1, relationshipManagerId: "rm-1", CreatedAt);

        Assert.Equal(1, customer.Version);
        Assert.Equal(KycStatus.Pending, customer.KycStatus);
        Assert.Equal(CreatedAt, customer.UpdatedAt);
        Assert.Equal(Profile, customer.ToProfile());
    }

    [Fact]
    public void Update_WhenOneFieldChanges_RecordsThatFieldWithOldAndNewValues()
    {
        var customer = Customer.Create("C00000001", Profile, 1, "rm-1", CreatedAt);

        var changes = customer.Update(Profile with { Mobile = "13987654321" }, "rm1", EditedAt);

        var change = Assert.Single(changes);
        Assert.Equal("Mobile", change.Field);
        Assert.Equal("13812345678", change.OldValue);
        Assert.Equal("13987654321", change.NewValue);
        Assert.Equal("rm1", change.ChangedBy);
        Assert.Equal(EditedAt, change.ChangedAt);
        Assert.Equal("13987654321", customer.Mobile);
    }

    [Fact]
    public void Update_WhenSeveralFieldsChange_RecordsOneChangePerField()
    {
        var customer = Customer.Create("C00000001", Profile, 1, "rm-1", CreatedAt);

        var changes = customer.Update(Profile with { Name = "张叁", City = null, Email = "z@example.com", ImportExportBusiness = true }, "rm1", EditedAt);

        Assert.Equal(["City", "Email", "ImportExportBusiness", "Name"], changes.Select(c => c.Field).Order(StringComparer.Ordinal));
        var city = Assert.Single(changes, c => c.Field == "City");
        Assert.Equal("上海市", city.OldValue);
        Assert.Null(city.NewValue);
        var flag = Assert.Single(changes, c => c.Field == "ImportExportBusiness");
        Assert.Equal(("false", "true"), (flag.OldValue, flag.NewValue));
    }

    [Fact]
    public void Update_WhenBirthDateChanges_RecordsIsoDates()
    {
        var customer = Customer.Create("C00000001", Profile, 1, "rm-1", CreatedAt);

        var change = Assert.Single(customer.Update(Profile with { BirthDate = new DateOnly(1990, 3, 8) }, "rm1", EditedAt));

        Assert.Equal(("1990-03-07", "1990-03-08"), (change.OldValue, change.NewValue));
    }

    [Fact]
    public void Update_WhenSomethingChanges_IncrementsVersionAndUpdatedAt()
    {
        var customer = Customer.Create("C00000001", Profile, 1, "rm-1", CreatedAt);

        customer.Update(Profile with { Mobile = "13987654321" }, "rm1", EditedAt);
        customer.Update(Profile with { Mobile = "13700000000" }, "rm1", EditedAt.AddHours(1));

        Assert.Equal(3, customer.Version);
        Assert.Equal(EditedAt.AddHours(1), customer.UpdatedAt);
    }

    [Fact]
    public void Update_WhenNothingChanges_RecordsNothingAndKeepsVersion()
    {
        var customer = Customer.Create("C00000001", Profile, 1, "rm-1", CreatedAt);

        var changes = customer.Update(Profile with { }, "rm1", EditedAt);

        Assert.Empty(changes);
        Assert.Equal(1, customer.Version);
        Assert.Equal(CreatedAt, customer.UpdatedAt);
    }

    [Fact]
    public void AssignTo_WhenRelationshipManagerChanges_RecordsItAndIncrementsVersion()
    {
        var customer = Customer.Create("C00000001", Profile, 1, "rm-1", CreatedAt);

        var changes = customer.AssignTo(1, "rm-2", "manager1", EditedAt);

        var change = Assert.Single(changes);
        Assert.Equal(("RelationshipManagerId", "rm-1", "rm-2"), (change.Field, change.OldValue, change.NewValue));
        Assert.Equal(2, customer.Version);
    }

    [Fact]
    public void AssignTo_WhenSameAssignment_RecordsNothing()
    {
        var customer = Customer.Create("C00000001", Profile, 1, "rm-1", CreatedAt);

        Assert.Empty(customer.AssignTo(1, "rm-1", "manager1", EditedAt));
        Assert.Equal(1, customer.Version);
    }

    [Theory]
    [InlineData(1, "C00000001")]
    [InlineData(12345678, "C12345678")]
    public void CustomerNumber_WhenFormatted_IsCAndEightDigits(long sequence, string expected)
    {
        Assert.Equal(expected, CustomerNumber.From(sequence));
        Assert.True(CustomerNumber.IsWellFormed(expected));
    }

    [Theory]
    [InlineData("c00000001")]
    [InlineData("C0000001")]
    [InlineData("C0000000A")]
    [InlineData(null)]
    public void CustomerNumber_WhenMalformed_IsNotWellFormed(string? value)
    {
        Assert.False(CustomerNumber.IsWellFormed(value));
    }
}
