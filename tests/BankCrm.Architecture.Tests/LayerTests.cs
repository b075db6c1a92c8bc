using System.Reflection;
using BankCrm.Core.Customers;
using BankCrm.Data.Database;
using NetArchTest.Rules;

namespace BankCrm.Architecture.Tests;

/// <summary>
/// Core is the pure domain: no database, no web. Data knows the database but not the web UI or HTTP.
/// Each rule is checked on the types (NetArchTest) and on the compiled assembly references.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = typeof(Customer).Assembly;
    private static readonly Assembly Data = typeof(CrmDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Npgsql")]
    [InlineData("BankCrm.Data")]
    [InlineData("BankCrm.Web")]
    public void Core_depends_on_no_database_or_web_code(string forbidden)
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(forbidden, result));
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name!.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BankCrm.Web")]
    [InlineData("Microsoft.AspNetCore.Components")]
    [InlineData("Microsoft.AspNetCore.Http")]
    [InlineData("Microsoft.AspNetCore.Mvc")]
    public void Data_depends_on_no_web_code(string forbidden)
    {
        // Identity's EF Core stores (Microsoft.AspNetCore.Identity) are allowed: staff accounts live in the database.
        var result = Types.InAssembly(Data).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        Assert.True(result.IsSuccessful, Describe(forbidden, result));
        Assert.DoesNotContain(Data.GetReferencedAssemblies(), a => a.Name!.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_can_see_a_dependency_that_is_there()
    {
        // Guards against rules that pass because they see nothing: Web does use ASP.NET Core and the data layer.
        Assert.False(Types.InAssembly(Web).ShouldNot().HaveDependencyOn("Microsoft.AspNetCore").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Data).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Data).ShouldNot().HaveDependencyOn("BankCrm.Core").GetResult().IsSuccessful);
    }

    private static string Describe(string forbidden, TestResult result) =>
        $"Types depending on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}";
}
