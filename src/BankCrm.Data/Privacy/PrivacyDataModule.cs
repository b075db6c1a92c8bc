using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Privacy;

public static class PrivacyDataModule
{
    /// <summary>Registers the data-subject request services; reads <c>Privacy:ResponseDays</c> and <c>Privacy:RetentionYears</c>.</summary>
    public static IServiceCollection AddPrivacyData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new PrivacyOptions();
        if (configuration["Privacy:ResponseDays"] is { Length: > 0 } days)
        {
            options.ResponseDays = int.Parse(days, CultureInfo.InvariantCulture);
        }

        if (configuration["Privacy:RetentionYears"] is { Length: > 0 } years)
        {
            options.RetentionYears = int.Parse(years, CultureInfo.InvariantCulture);
        }

        if (options.ResponseDays < 1 || options.RetentionYears < 0)
        {
            throw new InvalidOperationException("Privacy:ResponseDays must be at least 1 and Privacy:RetentionYears must not be negative.");
        }

        services.AddSingleton(options);
        services.AddScoped<PrivacyRequestStore>();
        services.AddScoped<CorrectionWorkflow>();
        services.AddScoped<ErasureExecutor>();
        services.AddScoped<CustomerDataReader>();
        return services;
    }
}
