namespace SalesCockpit.Features.Coaching;

/// <summary>One completed ride-along's score for a skill, at the ladder step the ride-along was at.</summary>
public sealed record LadderScore(DateTime CompletedAt, LadderStep Step, int Score);

/// <summary>
/// When to suggest moving a rep up a step for a skill: the latest <see cref="RunLength"/> scored ride-alongs at the
/// current step, since the rep reached it, all scored at least <see cref="MinScore"/>. The manager decides.
/// </summary>
public static class LadderAdvanceRule
{
    public const int RunLength = 2;
    public const int MinScore = 4;

    public static bool SuggestsMoveUp(LadderStep current, DateTime reachedAt, IEnumerable<LadderScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (current >= LadderStep.YouExplainIListen)
        {
            return false;
        }

        var latest = scores
            .Where(score => score.Step == current && score.CompletedAt >= reachedAt)
            .OrderByDescending(score => score.CompletedAt)
            .Take(RunLength)
            .ToList();
        return latest.Count == RunLength && latest.All(score => score.Score >= MinScore);
    }

    public static LadderStep? Next(LadderStep step) => step < LadderStep.YouExplainIListen ? step + 1 : null;

    public static LadderStep? Previous(LadderStep step) => step > LadderStep.IDoYouWatch ? step - 1 : null;
}
