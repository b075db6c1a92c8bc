using BankCrm.Core.Organization;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Security;

/// <summary>
/// Deny by default, checked over the running app: every endpoint and every page names a permission of the
/// matrix as its policy, or is on the short list of deliberately public routes.
/// </summary>
public sealed class EndpointPolicyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Routes anyone may open: sign-in, health, culture switch, error pages and the framework's own files.</summary>
    private static readonly string[] PublicRoutes =
    [
        "/account/login", "/account/login/mfa", "/account/denied", "/api/v1/auth/token", "/health", "/culture", "/Error", "/not-found",
    ];

    /// <summary>
    /// Plumbing of Blazor and the API reference: the circuit hub carries pages that are authorized one by one by
    /// the router (AuthorizeRouteView), and the reference's script files hold no data. The reference page itself
    /// and the OpenAPI document need a sign-in.
    /// </summary>
    private static readonly string[] FrameworkRoutes =
    [
        "/_blazor", "/_blazor/negotiate", "/_blazor/disconnect/", "/_blazor/initializers/", "/_framework/opaque-redirect", "{**path:file}",
        "/api/docs/scalar.js", "/api/docs/scalar.aspnetcore.js", "/api/docs/favicon.svg",
    ];

    [Fact]
    public void Every_endpoint_and_page_has_an_explicit_permission_policy_or_is_deliberately_public()
    {
        var endpoints = Endpoints();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? string.Empty;
            if (IsStaticFile(endpoint) || FrameworkRoutes.Contains(route, StringComparer.Ordinal))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!PublicRoutes.Contains(route, StringComparer.OrdinalIgnoreCase))
                {
                    failures.Add($"{route}: anonymous but not on the list of public routes");
                }

                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToArray();
            if (!policies.Any(p => PermissionMatrix.AllPermissions.Contains(p)))
            {
                failures.Add($"{route} ({endpoint.DisplayName}): no permission policy");
            }
        }

        Assert.True(failures.Count == 0, "Endpoints without an explicit policy:\n" + string.Join('\n', failures.Distinct()));
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found: the enumeration is broken");
    }

    [Fact]
    public void Every_permission_is_held_by_some_role_and_every_role_is_known()
    {
        foreach (var permission in PermissionMatrix.AllPermissions)
        {
            var roles = PermissionMatrix.RolesFor(permission);
            Assert.NotEmpty(roles);
            Assert.All(roles, role => Assert.Contains(role, StaffRole.All));
        }
    }

    private List<RouteEndpoint> Endpoints()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    /// <summary>Static assets (CSS, JS, fonts, the framework's scripts) carry no customer data and must load on the sign-in page.</summary>
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
}
