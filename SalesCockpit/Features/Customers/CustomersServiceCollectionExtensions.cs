using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

public static class CustomersServiceCollectionExtensions
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<CustomerPool>();
        services.AddSingleton<IHeldCustomers>(provider => provider.GetRequiredService<CustomerPool>());
        services.AddSingleton<FollowUpLog>();
        services.AddSingleton<CustomerOutcomes>();
        services.AddSingleton<PoolSettingsService>();
        services.AddSingleton<CustomerImport>();
        services.AddSingleton<CustomerExport>();
        services.AddSingleton<FlowBackJob>();
        services.AddHostedService<FlowBackWorker>();
        services.AddSingleton<CustomerNameMatches>();
        services.AddHostedService<NameCoreBackfill>();
        services.AddScoped<IDemoSeedStep, CustomersDemoSeed>();
        return services;
    }
}
