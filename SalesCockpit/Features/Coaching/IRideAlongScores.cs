using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Coaching;

/// <summary>A skill score of a completed ride-along, with the step the ride-along was at.</summary>
public sealed record ScoredRideAlong(int RideAlongId, string RepId, int SkillId, LadderStep Step, int Score, DateTime CompletedAt, DateOnly Day, string CustomerName);

/// <summary>The scores behind the ladder, read from completed ride-alongs. RideAlongs implements it; callers check access.</summary>
public interface IRideAlongScores
{
    /// <summary>The topic published when a ride-along is completed, so a ladder reloads with its new scores.</summary>
    string CompletedTopic { get; }

    IQueryable<ScoredRideAlong> Completed(AppDbContext db, int teamId, string? repId = null);
}
