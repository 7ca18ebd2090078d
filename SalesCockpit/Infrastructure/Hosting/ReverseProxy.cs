using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace SalesCockpit.Infrastructure.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy: the request's scheme, host and client address come from the proxy's
/// X-Forwarded-* headers, so redirects say https, cookies are Secure and HSTS is sent. Only proxies in
/// <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c> are believed (default: this machine only).
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (proxies.Length + networks.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });

        // The sign-in cookie is Secure on HTTPS by default; the antiforgery and culture cookies follow the same rule.
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddTransient<IStartupFilter, ForwardedFirst>();
        return services;
    }

    /// <summary>
    /// A startup filter, because the host puts authentication and authorization ahead of Program's middleware: the
    /// sign-in challenge must already see the original scheme and host.
    /// </summary>
    private sealed class ForwardedFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            app.UseCookiePolicy();
            next(app);
        };
    }
}
