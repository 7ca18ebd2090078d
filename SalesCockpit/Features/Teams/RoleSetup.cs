using Microsoft.AspNetCore.Identity;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Teams;

/// <summary>The sign-in roles exist in every database, demo or not.</summary>
internal sealed class RoleSetup(RoleManager<IdentityRole> roles) : IStartupDataStep
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
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
