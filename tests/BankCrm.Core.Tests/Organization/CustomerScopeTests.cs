using BankCrm.Core.Organization;

namespace BankCrm.Core.Tests.Organization;

public sealed class CustomerScopeTests
{
    [Fact]
    public void For_WhenRelationshipManager_IsOwnBook()
    {
        var scope = CustomerScope.For([StaffRole.RelationshipManager], "rm-1", 1);

        Assert.Equal(new CustomerScope(ScopeKind.OwnBook, "rm-1", 1), scope);
    }

    [Fact]
    public void For_WhenRelationshipManagerWithoutStaffId_IsNobody()
    {
        Assert.Equal(CustomerScope.Nobody, CustomerScope.For([StaffRole.RelationshipManager], null, 1));
    }

    [Theory]
    [InlineData(StaffRole.BranchManager)]
    [InlineData(StaffRole.Teller)]
    public void For_WhenBranchStaff_IsTheirBranch(string role)
    {
        var scope = CustomerScope.For([role], "staff-1", 7);

        Assert.Equal(ScopeKind.Branch, scope.Kind);
        Assert.Equal(7, scope.BranchId);
    }

    [Fact]
    public void For_WhenBranchStaffHasNoBranch_IsNobody()
    {
        Assert.Equal(ScopeKind.None, CustomerScope.For([StaffRole.BranchManager], "staff-1", null).Kind);
    }

    [Fact]
    public void For_WhenBranchManagerIsAlsoRelationshipManager_SeesTheWholeBranch()
    {
        Assert.Equal(ScopeKind.Branch, CustomerScope.For([StaffRole.RelationshipManager, StaffRole.BranchManager], "staff-1", 1).Kind);
    }

    [Theory]
    [InlineData(StaffRole.Admin)]
    [InlineData(StaffRole.ComplianceOfficer)]
    [InlineData(StaffRole.Auditor)]
    [InlineData(StaffRole.Marketing)]
    [InlineData(StaffRole.ServiceAgent)]
    public void For_WhenHeadOfficeRole_IsAll(string role)
    {
        Assert.Equal(ScopeKind.All, CustomerScope.For([role], "staff-1", null).Kind);
    }

    [Theory]
    [InlineData("Janitor")]
    [InlineData("admin")]
    [InlineData("")]
    public void For_WhenRoleUnknown_IsNobody(string role)
    {
        Assert.Equal(CustomerScope.Nobody, CustomerScope.For([role], "staff-1", 1));
    }

    [Fact]
    public void For_WhenNoRoles_IsNobody()
    {
        Assert.Equal(CustomerScope.Nobody, CustomerScope.For([], "staff-1", 1));
    }

    [Fact]
    public void Actor_Scope_WhenRelationshipManager_IsTheirOwnBook()
    {
        var actor = new Actor("rm-1", "rm1", [StaffRole.RelationshipManager], 1);

        Assert.Equal(ScopeKind.OwnBook, actor.Scope.Kind);
        Assert.Equal("rm-1", actor.Scope.StaffId);
    }
}
