using Microsoft.EntityFrameworkCore;

namespace SalesCockpit.Infrastructure.Data;

/// <summary>A feature's part of the demo organisation. Steps run in <see cref="Order"/>, once, on a database without teams.</summary>
public interface IDemoSeedStep
{
    int Order { get; }

    Task SeedAsync(AppDbContext db, CancellationToken cancellationToken);
}

public sealed partial class DemoSeeder(IEnumerable<IDemoSeedStep> steps, IDbContextFactory<AppDbContext> dbFactory, ILogger<DemoSeeder> logger)
{
    /// <summary>Every demo account signs in with this password (it is in the README).</summary>
    public const string DemoPassword = "SalesCockpit#2026";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using (var probe = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await probe.Set<Features.Teams.Team>().AnyAsync(cancellationToken))
            {
                LogSkipped(logger);
                return;
            }
        }

        foreach (var step in steps.OrderBy(step => step.Order))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await step.SeedAsync(db, cancellationToken);
        }

        LogSeeded(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present; seeding skipped")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo organisation seeded")]
    private static partial void LogSeeded(ILogger logger);
}
