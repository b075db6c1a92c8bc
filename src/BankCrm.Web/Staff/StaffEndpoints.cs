using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Staff;

/// <summary>Staff accounts and roles (administrators only); every role change is a permission change in the audit log.</summary>
public static class StaffEndpoints
{
    public static IServiceCollection AddStaffAdministration(this IServiceCollection services) => services.AddScoped<StaffAdministration>();

    public static IEndpointRouteBuilder MapStaffApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/staff").WithTags("Staff").RequireAuthorization(Permissions.StaffManage);
        api.MapGet("/", async (StaffAdministration staff, CancellationToken ct) => TypedResults.Ok(await staff.ListAsync(ct)))
            .WithName("ListStaff").WithSummary("Staff accounts with their roles, lockout and MFA state.");
        api.MapPost("/", CreateAsync).WithName("CreateStaff").WithSummary("Create a staff account with one or more roles.");
        api.MapPut("/{id}/roles", SetRolesAsync).WithName("SetStaffRoles").WithSummary("Replace the roles of a staff account (audited as a permission change).");
        api.MapPost("/{id}/lock", (string id, ClaimsPrincipal user, StaffAdministration staff, CancellationToken ct) => ResultAsync(staff.SetLockedAsync(user.ToActor(), id, true, ct)))
            .WithName("LockStaff").WithSummary("Lock an account and end its sessions.");
        api.MapPost("/{id}/unlock", (string id, ClaimsPrincipal user, StaffAdministration staff, CancellationToken ct) => ResultAsync(staff.SetLockedAsync(user.ToActor(), id, false, ct)))
            .WithName("UnlockStaff").WithSummary("Unlock an account.");
        return app;
    }

    internal static async Task<Results<Created<StaffLine>, ValidationProblem, NotFound>> CreateAsync(
        CreateStaffRequest request, ClaimsPrincipal user, StaffAdministration staff, CancellationToken cancellationToken) =>
        await staff.CreateAsync(user.ToActor(), request, cancellationToken) switch
        {
            StaffAdministration.Outcome.Done done => TypedResults.Created($"/api/v1/staff/{done.Staff.Id}", done.Staff),
            StaffAdministration.Outcome.Invalid invalid => TypedResults.ValidationProblem(Errors(invalid.Errors)),
            _ => TypedResults.NotFound(),
        };

    internal static Task<Results<Ok<StaffLine>, ValidationProblem, NotFound>> SetRolesAsync(
        string id, SetRolesRequest request, ClaimsPrincipal user, StaffAdministration staff, CancellationToken cancellationToken) =>
        ResultAsync(staff.SetRolesAsync(user.ToActor(), id, request, cancellationToken));

    private static async Task<Results<Ok<StaffLine>, ValidationProblem, NotFound>> ResultAsync(Task<StaffAdministration.Outcome> outcome) =>
        await outcome switch
        {
            StaffAdministration.Outcome.Done done => TypedResults.Ok(done.Staff),
            StaffAdministration.Outcome.Invalid invalid => TypedResults.ValidationProblem(Errors(invalid.Errors)),
            _ => TypedResults.NotFound(),
        };

    private static Dictionary<string, string[]> Errors(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
