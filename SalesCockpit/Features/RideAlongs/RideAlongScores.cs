using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Customers;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>The coaching ladder's scores: those of completed ride-alongs.</summary>
public sealed class RideAlongScores : IRideAlongScores
{
    public string CompletedTopic => RideAlongTopics.Completed;

    public IQueryable<ScoredRideAlong> Completed(AppDbContext db, int teamId, string? repId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from score in db.Set<SkillScore>()
               join rideAlong in db.Set<RideAlong>() on score.RideAlongId equals rideAlong.Id
               join customer in db.Set<Customer>() on rideAlong.CustomerId equals customer.Id
               where rideAlong.TeamId == teamId && rideAlong.Status == RideAlongStatus.Completed && (repId == null || rideAlong.RepId == repId)
               select new ScoredRideAlong(rideAlong.Id, rideAlong.RepId, score.SkillId, rideAlong.Step, score.Score, rideAlong.CompletedAt!.Value, rideAlong.Day, customer.Name);
    }
}
