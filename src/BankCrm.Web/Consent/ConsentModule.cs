namespace BankCrm.Web.Consent;

public static class ConsentModule
{
    public static IServiceCollection AddConsentModule(this IServiceCollection services) =>
        services.AddSingleton<ConsentOperations>().AddScoped<ConsentChanges>();
}
