using Microsoft.AspNetCore.Identity;

namespace SalesCockpit.Features.Teams;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (HttpContext http, SignInManager<AppUser> signInManager) =>
        {
            // A new stamp ends every copy of this person's cookie and, within the revalidation interval, every open tab.
            if (await signInManager.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
        return endpoints;
    }
}
