using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace SalesCockpit.Features.Teams;

/// <summary>The sign-in roles exist in every database, demo or not; created at start and by the admin command.</summary>
public static class RoleSetup
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            var result = await roles.CreateAsync(new IdentityRole(role));
            if (!result.Succeeded && !await roles.RoleExistsAsync(role))
            {
                throw new InvalidOperationException($"Role {role}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
            }
        }
    }
}

internal sealed class RolesAtStart(IServiceScopeFactory scopeFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureRolesAsync();
        }
        catch (DbUpdateException)
        {
            // Another server starting at the same moment inserted a role first; a fresh context sees it.
            await EnsureRolesAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureRolesAsync()
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await RoleSetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
    }
}
