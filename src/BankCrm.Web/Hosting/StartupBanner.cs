using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BankCrm.Web.Hosting;

/// <summary>Tells the person who just ran `dotnet run` where to go and how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("BankCrm is running.");
        foreach (var address in addresses)
        {
            output.WriteLine($"  Open: {address}");
        }

        output.WriteLine($"  Database: {database.Provider}");
        if (app.Configuration.GetValue("Demo:Enabled", true))
        {
            output.WriteLine($"  Demo logins (password {DemoStaff.Password}):");
            foreach (var login in DemoStaff.Logins)
            {
                output.WriteLine($"    {login.UserName,-12} {login.Role}");
            }
        }

        output.WriteLine();
    }
}
