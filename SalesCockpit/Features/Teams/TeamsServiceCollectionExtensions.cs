using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesCockpit.Features.Teams.Import;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Hosting;

namespace SalesCockpit.Features.Teams;

public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ActivePersonRevalidatingAuthenticationStateProvider>();
        services.AddAuthorization();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            cookie.Cookie.Name = "salescockpit.auth";
            cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        // Requests re-check the person's security stamp this often (the template's default is 30 minutes).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = ActivePersonRevalidatingAuthenticationStateProvider.Interval);

        services.AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<ActivePeopleSignInManager>()
            .AddDefaultTokenProviders();

        services.AddScoped<TeamAccess>();
        services.AddSingleton<TeamDirectory>();
        services.AddSingleton<PeopleAdministration>();
        services.AddScoped<IStartupDataStep, RoleSetup>();
        services.AddScoped<IDemoSeedStep, TeamsDemoSeed>();
        services.AddScoped<AdminAccounts>();
        services.AddSingleton<PeopleImport>();
        services.AddScoped<InvitationMail>();
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = SetPasswordLinks.Lifespan);
        services.AddAppCommand<AdminCommand>();
        return services;
    }

    /// <summary>
    /// Every request: a cookie whose security stamp is no longer the person's (signed out, deactivated, role or team
    /// changed) stops working at once. Every revalidation interval Identity's validator also refreshes the claims.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (!await ActivePersonRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, principal, services.GetRequiredService<IOptions<IdentityOptions>>().Value))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Password policy and lockout: after five failed sign-ins an account waits 15 minutes.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
    }
}
