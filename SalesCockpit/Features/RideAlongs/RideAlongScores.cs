using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>A skill score of a completed ride-along, with the step the ride-along was at.</summary>
public sealed record ScoredRideAlong(int RideAlongId, string RepId, int SkillId, LadderStep Step, int Score, DateTime CompletedAt, DateOnly Day, string CustomerName);

/// <summary>Published read for the coaching ladder: scores of completed ride-alongs. Callers check access.</summary>
public static class RideAlongScores
{
    public static IQueryable<ScoredRideAlong> Completed(AppDbContext db, int teamId, string? repId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from score in db.Set<SkillScore>()
               join rideAlong in db.Set<RideAlong>() on score.RideAlongId equals rideAlong.Id
               join customer in db.Set<Customer>() on rideAlong.CustomerId equals customer.Id
               where rideAlong.TeamId == teamId && rideAlong.Status == RideAlongStatus.Completed && (repId == null || rideAlong.RepId == repId)
               select new ScoredRideAlong(rideAlong.Id, rideAlong.RepId, score.SkillId, rideAlong.Step, score.Score, rideAlong.CompletedAt!.Value, rideAlong.Day, customer.Name);
    }
}
