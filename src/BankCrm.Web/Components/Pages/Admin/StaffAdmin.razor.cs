using BankCrm.Core.Organization;
using BankCrm.Web.Identity;
using BankCrm.Web.Resources;
using BankCrm.Web.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Web.Components.Pages.Admin;

/// <summary>Staff accounts and roles; each change goes through <see cref="StaffAdministration"/>, which audits it.</summary>
public sealed partial class StaffAdmin
{
    private IReadOnlyList<StaffLine> staff = [];
    private string? message;
    private bool failed;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task SetRolesAsync(StaffLine line, IEnumerable<string> roles)
    {
        var actor = await AuthenticationState.ToActorAsync();
        await RunAsync(admin => admin.SetRolesAsync(actor, line.Id, new SetRolesRequest([.. roles]), CancellationToken.None), line.UserName);
    }

    private async Task SetLockedAsync(StaffLine line, bool locked)
    {
        var actor = await AuthenticationState.ToActorAsync();
        await RunAsync(admin => admin.SetLockedAsync(actor, line.Id, locked, CancellationToken.None), line.UserName);
    }

    /// <summary>A scope per change: UserManager and its DbContext must not be shared across the circuit's lifetime.</summary>
    private async Task RunAsync(Func<StaffAdministration, Task<StaffAdministration.Outcome>> change, string userName)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var outcome = await change(scope.ServiceProvider.GetRequiredService<StaffAdministration>());
        failed = outcome is not StaffAdministration.Outcome.Done;
        message = outcome switch
        {
            StaffAdministration.Outcome.Done => string.Format(System.Globalization.CultureInfo.CurrentCulture, T["Staff.Saved"], userName),
            StaffAdministration.Outcome.Invalid invalid => string.Join("；", invalid.Errors.Select(e => e.Message)),
            _ => T["Staff.NotFound"],
        };
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        staff = await scope.ServiceProvider.GetRequiredService<StaffAdministration>().ListAsync(CancellationToken.None);
    }

    private string RolesText(IReadOnlyList<string> roles) => string.Join("、", roles.Select(RoleLabel));

    private string RoleLabel(string role) => T["Role." + role];
}
