using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Hosting;

namespace SalesCockpit.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = ResolveSqliteConnectionString(options.ConnectionString, environment.ContentRootPath);
                services.AddDbContextFactory<SqliteAppDbContext>(db => db
                    .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(AppDbContext.MigrationsHistoryTableName))
                    .AddInterceptors(new SqlitePragmaInterceptor()));
                services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<SqliteAppDbContext>>();
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresAppDbContext>(db => db
                    .UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(AppDbContext.MigrationsHistoryTableName)));
                services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<PostgresAppDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        // Identity's EF stores want a scoped context; everything else uses the factory.
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [HealthProbes.ReadyTag]);
        services.AddSingleton<DatabaseInitializer>();
        services.AddAppCommand<BackupCommand>();
        return services;
    }

    internal static string ResolveSqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // Command timeout doubles as the busy wait of Microsoft.Data.Sqlite.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    private sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
