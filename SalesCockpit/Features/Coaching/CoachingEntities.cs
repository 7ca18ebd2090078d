using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Coaching;

/// <summary>The 16-character rule 我做你看，我说你听；你做我看，你说我听: the four steps a rep climbs for one skill.</summary>
public enum LadderStep
{
    IDoYouWatch = 1,
    IExplainYouListen = 2,
    YouDoIWatch = 3,
    YouExplainIListen = 4,
}

/// <summary>A skill the team coaches on. Named in both languages; archived rather than deleted so scores keep their meaning.</summary>
public sealed class CoachingSkill : IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string NameEn { get; set; }

    public required string NameZh { get; set; }

    public int SortOrder { get; set; }

    public bool IsArchived { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Where a rep stands on the ladder for one skill. No row means the first step.</summary>
public sealed class LadderPosition : IVersioned
{
    public required string RepId { get; set; }

    public int SkillId { get; set; }

    public int TeamId { get; set; }

    public LadderStep Step { get; set; } = LadderStep.IDoYouWatch;

    /// <summary>When the rep reached this step: only ride-alongs after it count towards the next move.</summary>
    public DateTime ReachedAt { get; set; }

    public string? MovedById { get; set; }

    public Guid Version { get; set; }
}
