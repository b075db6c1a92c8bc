using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers.Sharing;
using BankCrm.Web.Identity;

namespace BankCrm.Web.Tests.Identity;

public sealed class SharedCustomerClaimsTests
{
    [Fact]
    public void ToActor_WhenShareClaimsAreRunningOrEnded_KeepsOnlyTheRunningOnes()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var user = Rm2(new ActiveShare(7, now.AddHours(1)), new ActiveShare(8, now.AddSeconds(-1)));

        var actor = user.ToActor();

        Assert.Equal([7L], actor.SharedCustomerIds);
        Assert.Equal(ScopeKind.OwnBook, actor.Scope.Kind);
    }

    [Fact]
    public void ToActor_WhenNoShareClaims_HasAnEmptyList()
    {
        Assert.Empty(Rm2().ToActor().SharedCustomerIds);
    }

    [Fact]
    public void Active_WhenClaimIsMalformed_IgnoresIt()
    {
        var identity = new ClaimsIdentity([new Claim(SharedCustomerClaims.ClaimType, "abc;not-a-date"), new Claim(SharedCustomerClaims.ClaimType, "12")], "test");

        Assert.Empty(SharedCustomerClaims.Active(new ClaimsPrincipal(identity), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void ToClaim_RoundTripsTheExpiryToTheSecond()
    {
        var expires = new DateTime(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc);
        var identity = new ClaimsIdentity([SharedCustomerClaims.ToClaim(new ActiveShare(99, expires))], "test");

        var share = Assert.Single(SharedCustomerClaims.Active(new ClaimsPrincipal(identity), new DateTimeOffset(expires.AddSeconds(-1))));

        Assert.Equal(new ActiveShare(99, expires), share);
        Assert.Empty(SharedCustomerClaims.Active(new ClaimsPrincipal(identity), new DateTimeOffset(expires)));
    }

    private static ClaimsPrincipal Rm2(params ActiveShare[] shares)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "rm-2"), new Claim(ClaimTypes.Name, "rm2"), new Claim(ClaimTypes.Role, StaffRole.RelationshipManager)], "test");
        var principal = new ClaimsPrincipal(identity);
        principal.AddIdentity(new ClaimsIdentity(shares.Select(SharedCustomerClaims.ToClaim), "BankCrm.Shares"));
        return principal;
    }
}
