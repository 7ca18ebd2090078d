using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>Loading and access checks shared by the ride-along services.</summary>
internal static class RideAlongData
{
    /// <summary>A ride-along the viewer may see: the team's managers see all of them, a rep only their own.</summary>
    public static async Task<RideAlong> LoadVisibleAsync(AppDbContext db, Viewer viewer, int rideAlongId, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Set<RideAlong>() : db.Set<RideAlong>().AsNoTracking();
        var rideAlong = await query.SingleOrDefaultAsync(candidate => candidate.Id == rideAlongId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        EnsureCanSee(viewer, rideAlong);
        return rideAlong;
    }

    public static void EnsureCanSee(Viewer viewer, RideAlong rideAlong)
    {
        viewer.EnsureCanSeeTeam(rideAlong.TeamId);
        if (!viewer.CanManageTeam(rideAlong.TeamId) && rideAlong.RepId != viewer.UserId)
        {
            throw new TeamAccessDeniedException(rideAlong.TeamId);
        }
    }

    /// <summary>A ride-along the viewer coaches (manages its team) that is still open to changes.</summary>
    public static async Task<RideAlong> LoadOpenToCoachAsync(AppDbContext db, Viewer viewer, int rideAlongId, bool tracked, CancellationToken cancellationToken)
    {
        var rideAlong = await LoadVisibleAsync(db, viewer, rideAlongId, tracked, cancellationToken);
        viewer.EnsureCanManageTeam(rideAlong.TeamId);
        EnsureOpen(rideAlong);
        return rideAlong;
    }

    public static void EnsureOpen(RideAlong rideAlong)
    {
        if (rideAlong.Status != RideAlongStatus.Scheduled)
        {
            throw new ValidationFailedException([new FieldError(nameof(RideAlong.Status), "Validation_Closed")]);
        }
    }



    public static async Task<Dictionary<int, SkillView>> SkillsAsync(AppDbContext db, int teamId, CancellationToken cancellationToken) =>
        await db.Set<CoachingSkill>().AsNoTracking().Where(skill => skill.TeamId == teamId)
            .ToDictionaryAsync(skill => skill.Id, skill => new SkillView(skill.Id, skill.NameEn, skill.NameZh, skill.SortOrder, skill.IsArchived, skill.Version), cancellationToken);

    public static IReadOnlyList<SkillView> Pick(Dictionary<int, SkillView> skills, IEnumerable<int> ids) =>
        [.. ids.Where(skills.ContainsKey).Select(id => skills[id]).OrderBy(skill => skill.SortOrder)];

    public static TimeOnly LocalTime(DateTime utc, string timeZoneId) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TeamCalendar.Zone(timeZoneId)));
}
