using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Coaching;

public sealed record SkillView(int Id, string NameEn, string NameZh, int SortOrder, bool IsArchived, Guid Version)
{
    /// <summary>The name in the current UI language.</summary>
    public string Name => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}

/// <summary>The team's list of skills to coach on. A team starts with the six defaults; its managers edit it.</summary>
public sealed class TeamSkills(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    public async Task<IReadOnlyList<SkillView>> ListAsync(Viewer viewer, int teamId, bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanSeeTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureDefaultsAsync(db, teamId, clock, cancellationToken);
        return await db.Set<CoachingSkill>().AsNoTracking()
            .Where(skill => skill.TeamId == teamId && (includeArchived || !skill.IsArchived))
            .OrderBy(skill => skill.IsArchived).ThenBy(skill => skill.SortOrder).ThenBy(skill => skill.Id)
            .Select(skill => new SkillView(skill.Id, skill.NameEn, skill.NameZh, skill.SortOrder, skill.IsArchived, skill.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> AddAsync(Viewer viewer, int teamId, SkillInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanManageTeam(teamId);
        ValidationFailedException.ThrowIfAny(SkillRules.Validate(input));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureDefaultsAsync(db, teamId, clock, cancellationToken);
        var skills = await db.Set<CoachingSkill>().Where(skill => skill.TeamId == teamId).ToListAsync(cancellationToken);
        if (skills.Count(skill => !skill.IsArchived) >= SkillRules.MaxActiveSkills)
        {
            throw new ValidationFailedException([new FieldError(nameof(SkillInput.NameEn), "Validation_TooManySkills", SkillRules.MaxActiveSkills)]);
        }

        EnsureUnique(skills, input, exceptId: null);
        var skill = new CoachingSkill
        {
            TeamId = teamId,
            NameEn = input.NameEn.Trim(),
            NameZh = input.NameZh.Trim(),
            SortOrder = skills.Count == 0 ? 0 : skills.Max(existing => existing.SortOrder) + 1,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(skill);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(teamId, viewer, cancellationToken);
        return skill.Id;
    }

    public async Task RenameAsync(Viewer viewer, int skillId, SkillInput input, Guid version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var skill = await LoadForChangeAsync(db, viewer, skillId, version, cancellationToken);
        ValidationFailedException.ThrowIfAny(SkillRules.Validate(input));
        EnsureUnique(await db.Set<CoachingSkill>().Where(other => other.TeamId == skill.TeamId).ToListAsync(cancellationToken), input, skillId);
        skill.NameEn = input.NameEn.Trim();
        skill.NameZh = input.NameZh.Trim();
        await SaveAsync(db, skill, cancellationToken);
        await PublishAsync(skill.TeamId, viewer, cancellationToken);
    }

    /// <summary>Archived skills leave the pickers and the matrix; their scores stay in the history.</summary>
    public async Task SetArchivedAsync(Viewer viewer, int skillId, bool archived, Guid version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var skill = await LoadForChangeAsync(db, viewer, skillId, version, cancellationToken);
        if (!archived && await db.Set<CoachingSkill>().CountAsync(other => other.TeamId == skill.TeamId && !other.IsArchived, cancellationToken) >= SkillRules.MaxActiveSkills)
        {
            throw new ValidationFailedException([new FieldError(nameof(SkillInput.NameEn), "Validation_TooManySkills", SkillRules.MaxActiveSkills)]);
        }

        skill.IsArchived = archived;
        await SaveAsync(db, skill, cancellationToken);
        await PublishAsync(skill.TeamId, viewer, cancellationToken);
    }

    /// <summary>Gives a team the default skills the first time anyone asks for its list.</summary>
    internal static async Task EnsureDefaultsAsync(AppDbContext db, int teamId, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Set<CoachingSkill>().AnyAsync(skill => skill.TeamId == teamId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.AddRange(SkillRules.Defaults.Select((skill, index) => new CoachingSkill
        {
            TeamId = teamId, NameEn = skill.NameEn, NameZh = skill.NameZh, SortOrder = index, CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task<CoachingSkill> LoadForChangeAsync(AppDbContext db, Viewer viewer, int skillId, Guid version, CancellationToken cancellationToken)
    {
        var skill = await db.Set<CoachingSkill>().SingleOrDefaultAsync(candidate => candidate.Id == skillId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        viewer.EnsureCanManageTeam(skill.TeamId);
        db.Entry(skill).Property(candidate => candidate.Version).OriginalValue = version;
        return skill;
    }

    private static void EnsureUnique(IEnumerable<CoachingSkill> skills, SkillInput input, int? exceptId)
    {
        var others = skills.Where(skill => skill.Id != exceptId).ToList();
        List<FieldError> errors = [];
        if (others.Any(skill => string.Equals(skill.NameEn, input.NameEn.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new FieldError(nameof(SkillInput.NameEn), "Validation_SkillExists"));
        }

        if (others.Any(skill => string.Equals(skill.NameZh, input.NameZh.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new FieldError(nameof(SkillInput.NameZh), "Validation_SkillExists"));
        }

        ValidationFailedException.ThrowIfAny(errors);
    }

    private static async Task SaveAsync(AppDbContext db, CoachingSkill skill, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }
    }

    private Task PublishAsync(int teamId, Viewer viewer, CancellationToken cancellationToken) =>
        eventBus.PublishAsync(new TeamEvent(teamId, CoachingTopics.Skills, null, viewer.UserId), cancellationToken);
}
