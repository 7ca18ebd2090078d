using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Coaching;

public sealed record LadderCell(int SkillId, LadderStep Step, int? LastScore, bool SuggestsMoveUp);

public sealed record MatrixRow(string RepId, string RepName, IReadOnlyList<LadderCell> Cells);

/// <summary>The whole team's ladder at a glance: reps by skills.</summary>
public sealed record LadderMatrix(IReadOnlyList<SkillView> Skills, IReadOnlyList<MatrixRow> Rows);

/// <summary>One skill of a rep: the step, since when, the scores behind it (newest first) and whether a move up is suggested.</summary>
public sealed record SkillLadder(SkillView Skill, LadderStep Step, DateOnly? ReachedOn, bool SuggestsMoveUp, IReadOnlyList<ScoredRideAlong> Scores);

public sealed record RepLadder(string RepId, string RepName, IReadOnlyList<SkillLadder> Skills, bool CanMove);

/// <summary>Where each rep stands on the 16-character ladder per skill, and the manager's moves up (or back).</summary>
public sealed class CoachingLadder(IDbContextFactory<AppDbContext> dbFactory, TeamDirectory directory, TeamSkills skills, IRideAlongScores rideAlongScores, ITeamEventBus eventBus, TimeProvider clock)
{
    public async Task<LadderMatrix> MatrixAsync(Viewer manager, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.EnsureCanSeeTeamWide(teamId);
        var teamSkills = await skills.ListAsync(manager, teamId, cancellationToken: cancellationToken);
        var reps = await directory.GetRepsAsync(manager, teamId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var positions = await PositionsAsync(db, teamId, repId: null, cancellationToken);
        var scores = await rideAlongScores.Completed(db, teamId).ToListAsync(cancellationToken);
        var byRepSkill = scores.ToLookup(score => (score.RepId, score.SkillId));

        return new LadderMatrix(teamSkills, [.. reps.Select(rep => new MatrixRow(rep.UserId, rep.DisplayName, [.. teamSkills.Select(skill =>
        {
            var (step, reachedAt) = Position(positions, rep.UserId, skill.Id);
            var history = byRepSkill[(rep.UserId, skill.Id)].ToList();
            var last = history.OrderByDescending(score => score.CompletedAt).FirstOrDefault();
            return new LadderCell(skill.Id, step, last?.Score, LadderAdvanceRule.SuggestsMoveUp(step, reachedAt, history.Select(ToLadderScore)));
        })]))]);
    }

    /// <summary>A rep's ladder: the rep sees their own, the team's managers everyone's.</summary>
    public async Task<RepLadder> RepLadderAsync(Viewer viewer, int teamId, string repId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        if (!viewer.CanManageTeam(teamId) && viewer.UserId != repId)
        {
            throw new TeamAccessDeniedException(teamId);
        }

        var team = await directory.GetTeamAsync(viewer, teamId, cancellationToken);
        var rep = team.Members.FirstOrDefault(member => member.UserId == repId && member.Role == Roles.Rep) ?? throw new TeamAccessDeniedException(teamId);
        var teamSkills = await skills.ListAsync(viewer, teamId, cancellationToken: cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var positions = await PositionsAsync(db, teamId, repId, cancellationToken);
        var scores = await rideAlongScores.Completed(db, teamId, repId).ToListAsync(cancellationToken);

        return new RepLadder(rep.UserId, rep.DisplayName, [.. teamSkills.Select(skill =>
        {
            var (step, reachedAt) = Position(positions, repId, skill.Id);
            var history = scores.Where(score => score.SkillId == skill.Id).OrderByDescending(score => score.CompletedAt).ToList();
            return new SkillLadder(skill, step, positions.TryGetValue((repId, skill.Id), out var position) ? TeamCalendar.DateOf(position.ReachedAt, team.TimeZoneId) : null,
                LadderAdvanceRule.SuggestsMoveUp(step, reachedAt, history.Select(ToLadderScore)), history);
        })], viewer.CanManageTeam(teamId));
    }

    /// <summary>
    /// Moves a rep one step up or back for a skill. <paramref name="from"/> is the step the manager saw: if someone moved
    /// the rep meanwhile, nothing changes and <see cref="ConcurrentEditException"/> says so.
    /// </summary>
    public async Task MoveAsync(Viewer manager, int teamId, string repId, int skillId, LadderStep from, LadderStep to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.EnsureCanManageTeam(teamId);
        if (to != LadderAdvanceRule.Next(from) && to != LadderAdvanceRule.Previous(from))
        {
            throw new ValidationFailedException([new FieldError("Step", "Validation_OneStepAtATime")]);
        }

        var team = await directory.GetTeamAsync(manager, teamId, cancellationToken);
        if (!team.Reps.Any(rep => rep.UserId == repId))
        {
            throw new TeamAccessDeniedException(teamId);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<CoachingSkill>().AnyAsync(skill => skill.Id == skillId && skill.TeamId == teamId, cancellationToken))
        {
            throw new TeamAccessDeniedException(teamId);
        }

        var position = await db.Set<LadderPosition>().SingleOrDefaultAsync(candidate => candidate.RepId == repId && candidate.SkillId == skillId, cancellationToken);
        if ((position?.Step ?? LadderStep.IDoYouWatch) != from)
        {
            throw new ConcurrentEditException();
        }

        if (position is null)
        {
            position = new LadderPosition { RepId = repId, SkillId = skillId, TeamId = teamId };
            db.Add(position);
        }

        position.Step = to;
        position.ReachedAt = clock.GetUtcNow().UtcDateTime;
        position.MovedById = manager.UserId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another manager moved the same rep at the same moment (the row's version or key collided).
            throw new ConcurrentEditException();
        }

        await eventBus.PublishAsync(new TeamEvent(teamId, CoachingTopics.Ladder, repId, manager.UserId), cancellationToken);
    }

    private static LadderScore ToLadderScore(ScoredRideAlong score) => new(score.CompletedAt, score.Step, score.Score);

    private static (LadderStep Step, DateTime ReachedAt) Position(Dictionary<(string, int), LadderPosition> positions, string repId, int skillId) =>
        positions.TryGetValue((repId, skillId), out var position) ? (position.Step, position.ReachedAt) : (LadderStep.IDoYouWatch, DateTime.MinValue);

    private static async Task<Dictionary<(string, int), LadderPosition>> PositionsAsync(AppDbContext db, int teamId, string? repId, CancellationToken cancellationToken) =>
        await db.Set<LadderPosition>().AsNoTracking()
            .Where(position => position.TeamId == teamId && (repId == null || position.RepId == repId))
            .ToDictionaryAsync(position => (position.RepId, position.SkillId), cancellationToken);
}
