using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

/// <summary>A customer of the team whose name is close to the one being typed: the rep decides whether it is the same.</summary>
public sealed record NearMatch(int? CustomerId, string Name, DuplicatePlace Place, string? HolderName);

/// <summary>
/// Near matches by the name's core (<see cref="CompanyNameCore"/>): the same core, a core that is part of the typed one, or
/// one that contains it. The first two are indexed lookups on the stored core; the last scans only the team's cores.
/// </summary>
public sealed class CustomerNameMatches(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxShown = 5;

    // Substrings of a long core grow quadratically; a name's distinctive part comes early.
    private const int MaxCoreForParts = 24;

    public async Task<IReadOnlyList<NearMatch>> NearAsync(Viewer viewer, int teamId, string? name, int? exceptCustomerId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        var core = CompanyNameCore.Of(name);
        if (core.Length < CompanyNameCore.MinLength)
        {
            return [];
        }

        var normalized = CustomerNames.Normalize(name);
        var parts = CompanyNameCore.Parts(core.Length > MaxCoreForParts ? core[..MaxCoreForParts] : core).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Customer>().AsNoTracking()
            .Where(customer => customer.TeamId == teamId && customer.Id != exceptCustomerId && customer.NormalizedName != normalized && customer.NameCore != ""
                && (parts.Contains(customer.NameCore) || customer.NameCore.Contains(core)))
            .OrderBy(customer => customer.NameCore == core ? 0 : 1).ThenBy(customer => customer.NameCore.Length).ThenBy(customer => customer.Name)
            .Select(customer => new
            {
                customer.Id,
                customer.Name,
                customer.OwnerId,
                OwnerName = db.Users.Where(user => user.Id == customer.OwnerId).Select(user => user.DisplayName).FirstOrDefault(),
            })
            .Take(MaxShown)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row =>
        {
            var place = row.OwnerId is null ? DuplicatePlace.PublicPool : row.OwnerId == viewer.UserId ? DuplicatePlace.Mine : DuplicatePlace.Colleague;
            var canOpen = place != DuplicatePlace.Colleague || viewer.CanManageTeam(teamId);
            return new NearMatch(canOpen ? row.Id : null, row.Name, place, row.OwnerName);
        })];
    }
}

/// <summary>Fills the name core of customers stored before it was kept, once, in batches, after start-up.</summary>
public sealed partial class NameCoreBackfill(IDbContextFactory<AppDbContext> dbFactory, ILogger<NameCoreBackfill> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var lastId = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var batch = await db.Set<Customer>().AsNoTracking().Where(customer => customer.Id > lastId && customer.NameCore == "" && customer.Name != "")
                    .OrderBy(customer => customer.Id).Take(BatchSize).Select(customer => new { customer.Id, customer.Name }).ToListAsync(stoppingToken);
                if (batch.Count == 0)
                {
                    return;
                }

                // Set without touching the concurrency version: nobody's edit is overtaken by a derived key.
                foreach (var customer in batch)
                {
                    await db.Set<Customer>().Where(candidate => candidate.Id == customer.Id)
                        .ExecuteUpdateAsync(setters => setters.SetProperty(candidate => candidate.NameCore, CompanyNameCore.Of(customer.Name)), stoppingToken);
                }

                lastId = batch[^1].Id;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Near matches wait for the next start; the app keeps serving.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Filling customers' name cores failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
