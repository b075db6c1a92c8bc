using BankCrm.Data.Customers.ImportCustomers;

namespace BankCrm.Web.Customers.ImportCustomers;

/// <summary>Bulk import of customers: the importer, the store of error reports, the upload page and the API.</summary>
public static class CustomerImportModule
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    public static IServiceCollection AddCustomerImport(this IServiceCollection services)
    {
        services.AddSingleton<CustomerImporter>();
        services.AddSingleton<ImportReportStore>();
        services.AddSingleton<CustomerImportRunner>();
        return services;
    }
}
