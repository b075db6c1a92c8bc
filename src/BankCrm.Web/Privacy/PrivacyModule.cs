using BankCrm.Data.Privacy;

namespace BankCrm.Web.Privacy;

public static class PrivacyModule
{
    public static IServiceCollection AddPrivacyModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPrivacyData(configuration).AddSingleton<PrivacyOperations>();
}
