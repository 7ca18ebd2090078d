using Microsoft.AspNetCore.Identity;

namespace SalesCockpit.Features.Teams;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
        return endpoints;
    }
}
