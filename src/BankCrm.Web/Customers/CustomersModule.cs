namespace BankCrm.Web.Customers;

public static class CustomersModule
{
    public static IServiceCollection AddCustomersModule(this IServiceCollection services) =>
        services.AddSingleton<CustomerOperations>();
}
