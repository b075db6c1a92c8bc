using BankCrm.Core.Organization;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Identity;

public static class AuthenticationStateActor
{
    /// <summary>The actor of a Blazor component, from the cascading authentication state.</summary>
    public static async Task<Actor> ToActorAsync(this Task<AuthenticationState> state) => (await state).User.ToActor();
}
