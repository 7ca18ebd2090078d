using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>ASP.NET Core Identity (as the app configures it) over a test database, for services that manage people.</summary>
public static class IdentityTestServices
{
    public static ServiceProvider Build(IDbContextFactory<AppDbContext> database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(database);
        services.AddScoped(_ => database.CreateDbContext());
        services.AddDataProtection();
        services.AddIdentityCore<AppUser>(TeamsServiceCollectionExtensions.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        return services.BuildServiceProvider();
    }
}
