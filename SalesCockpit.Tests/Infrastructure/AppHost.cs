using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace SalesCockpit.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port), with a throwaway SQLite file, the demo organisation
/// unless told otherwise, and optionally a fake clock.
/// </summary>
public sealed class AppHost : WebApplicationFactory<global::Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "salescockpit-tests", Guid.NewGuid().ToString("N"));
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

    /// <summary>Set to share one database between several app instances (a scale-out test).</summary>
    public string? SharedDatabasePath { get; init; }

    public string DatabasePath => SharedDatabasePath ?? Path.Combine(dataDirectory, "salescockpit.db");

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

    /// <summary>An HTTP client with its own cookie jar that does not follow redirects.</summary>
    public HttpClient CreateHttpClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetDirectoryName(DatabasePath)!, "keys"));
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
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a closing connection: the OS temp folder is cleaned anyway.
            }
        }
    }
}
