using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port), with a throwaway database on the provider the suite runs on
/// (<see cref="TestDatabaseServer"/>), the demo organisation unless told otherwise, and optionally a fake clock.
/// </summary>
public sealed class AppHost : WebApplicationFactory<global::Program>
{
    private AppDatabase? ownDatabase;
    private Uri? baseAddress;

    public AppHost()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public bool SeedDemo { get; init; } = true;

    public TimeProvider? Clock { get; init; }

    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>Extra configuration, e.g. <c>["EventBus:Provider"] = "Redis"</c>.</summary>
    public IDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Set to share one database (and key ring) between several app instances (a scale-out test); the test disposes it.</summary>
    public AppDatabase? SharedDatabase { get; init; }

    public AppDatabase Database => SharedDatabase ?? (ownDatabase ??= new AppDatabase());

    /// <summary>Starts the server on first use and returns its address.</summary>
    public Uri BaseAddress
    {
        get
        {
            if (baseAddress is null)
            {
                StartServer();
                baseAddress = ClientOptions.BaseAddress;
            }

            return baseAddress;
        }
    }

    public T GetService<T>() where T : notnull
    {
        _ = BaseAddress;
        return Services.GetRequiredService<T>();
    }

    /// <summary>A person of this server's database, as the app's services see them.</summary>
    public async Task<Viewer> ViewerAsync(string email)
    {
        await using var db = await GetService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(user => user.Email == email).Select(user => user.Id).SingleAsync();
        return (await TeamAccess.LoadViewerAsync(db, userId, CancellationToken.None))!;
    }

    /// <summary>An HTTP client with its own cookie jar that does not follow redirects.</summary>
    public HttpClient CreateHttpClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Database:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("DataProtection:KeysPath", Database.KeysPath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }

            ConfigureTestServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ownDatabase?.Dispose();
        }
    }
}
