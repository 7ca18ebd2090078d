using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Teams;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Teams;

public class RoleSetupTests
{
    [Fact]
    public async Task RolesExistWithoutTheDemoOrganisation()
    {
        await using var host = new AppHost { SeedDemo = false };
        using var scope = host.GetService<IServiceScopeFactory>().CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        foreach (var role in Roles.All)
        {
            Assert.True(await roles.RoleExistsAsync(role), $"Role {role} is missing");
        }
    }
}
