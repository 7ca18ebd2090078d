using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesCockpit.Infrastructure.Localization;

public static class Cultures
{
    public const string English = "en-US";
    public const string Chinese = "zh-CN";

    public static IReadOnlyList<string> Supported { get; } = [English, Chinese];

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, AppMudLocalizer>();
        // MudBlazor answers English from its own texts unless told otherwise; ours add keys (the number fields' messages).
        services.Replace(ServiceDescriptor.Scoped<MudBlazor.ILocalizationInterceptor>(provider =>
            new MudBlazor.DefaultLocalizationInterceptor(provider.GetRequiredService<ILoggerFactory>(), provider.GetService<MudBlazor.MudLocalizer>()) { IgnoreDefaultEnglish = true }));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(English);
            options.AddSupportedCultures([.. Supported]);
            options.AddSupportedUICultures([.. Supported]);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Cookie first (the user's choice), then the browser's languages; no query-string override.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary><c>/culture?name=zh-CN&amp;returnUrl=/x</c> remembers the choice in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (HttpContext context, string? name, string? returnUrl) =>
        {
            if (name is not null && Supported.Contains(name))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            }

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>A list as the viewer's language writes one: "a、b" in Chinese, "a, b" in English.</summary>
    public static string JoinList(IEnumerable<string> items) => string.Join(IsChinese(CultureInfo.CurrentUICulture) ? "、" : ", ", items);

    public static bool IsChinese(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
