using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Features.Customers;

/// <summary>
/// Moves every held customer whose flow-back day has come (in its team's zone) to the public pool. Safe to run twice or
/// concurrently: each move is an UPDATE conditional on the same owner and a due date, and only a move that happened is
/// written to the history.
/// </summary>
public sealed partial class FlowBackJob(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock, ILogger<FlowBackJob> logger)
{
    private const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        List<(int Id, string TimeZoneId)> teams;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            teams = [.. (await db.Set<Team>().AsNoTracking().Select(team => new { team.Id, team.TimeZoneId }).ToListAsync(cancellationToken)).Select(team => (team.Id, team.TimeZoneId))];
        }

        var moved = 0;
        foreach (var (teamId, timeZoneId) in teams)
        {
            moved += await RunForTeamAsync(teamId, timeZoneId, cancellationToken);
        }

        return moved;
    }

    public async Task<int> RunForTeamAsync(int teamId, string timeZoneId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await CustomerData.SettingsAsync(db, teamId, cancellationToken);
        var policy = new FlowBackPolicy(settings, timeZoneId, clock);
        var today = policy.Today;
        var candidates = await db.Set<Customer>().AsNoTracking()
            .Where(customer => customer.TeamId == teamId && customer.OwnerId != null && customer.FlowBackOn != null && customer.FlowBackOn <= today)
            .ToListAsync(cancellationToken);
        var due = candidates
            .Select(customer => (customer, Due: policy.Due(customer)))
            .Where(candidate => candidate.Due is { } flowBack && flowBack.On <= today)
            .ToList();

        var moved = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var batch in due.Chunk(BatchSize))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (customer, flowBack) in batch)
            {
                var owner = customer.OwnerId;
                var updated = await db.Set<Customer>()
                    .Where(candidate => candidate.Id == customer.Id && candidate.OwnerId == owner && candidate.FlowBackOn != null && candidate.FlowBackOn <= today)
                    .ExecuteUpdateAsync(
                        setters => setters
                            .SetProperty(candidate => candidate.OwnerId, (string?)null)
                            .SetProperty(candidate => candidate.OwnerSince, (DateTime?)null)
                            .SetProperty(candidate => candidate.HoldClockAt, (DateTime?)null)
                            .SetProperty(candidate => candidate.ProgressClockAt, (DateTime?)null)
                            .SetProperty(candidate => candidate.FlowBackOn, (DateOnly?)null)
                            .SetProperty(candidate => candidate.IsLocked, false)
                            .SetProperty(candidate => candidate.Version, Guid.NewGuid()),
                        cancellationToken);
                if (updated == 1)
                {
                    db.Add(new CustomerEvent
                    {
                        CustomerId = customer.Id,
                        TeamId = teamId,
                        OccurredAt = now,
                        Kind = CustomerEventKind.FlowedBack,
                        FromOwnerId = owner,
                        Reason = flowBack!.Reason == FlowBackReason.NoProgress ? "Reason_NoProgress" : "Reason_NoFollowUp",
                        Detail = (flowBack.Reason == FlowBackReason.NoProgress ? settings.NoProgressDays : settings.HoldDays(customer.Level)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    });
                    moved++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (moved > 0)
        {
            LogMoved(logger, moved, teamId);
            await eventBus.PublishAsync(new TeamEvent(teamId, CustomerTopics.Pool), cancellationToken);
        }

        return moved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} customers of team {TeamId} flowed back to the public pool")]
    private static partial void LogMoved(ILogger logger, int count, int teamId);
}

/// <summary>Runs <see cref="FlowBackJob"/> at start-up and then every few minutes, on the app's <see cref="TimeProvider"/>.</summary>
public sealed partial class FlowBackWorker(FlowBackJob job, TimeProvider clock, ILogger<FlowBackWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await job.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run is logged and retried at the next tick; the app keeps serving.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Flow-back run failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
