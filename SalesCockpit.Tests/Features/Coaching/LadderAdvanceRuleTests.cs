using SalesCockpit.Features.Coaching;

namespace SalesCockpit.Tests.Features.Coaching;

public class LadderAdvanceRuleTests
{
    private static readonly DateTime Reached = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    private static LadderScore Score(int daysAfterReaching, int score, LadderStep step = LadderStep.YouDoIWatch) =>
        new(Reached.AddDays(daysAfterReaching), step, score);

    [Fact]
    public void SuggestsMovingUpAfterTwoRideAlongsInARowAtTheCurrentStepScoringFourOrMore() =>
        Assert.True(LadderAdvanceRule.SuggestsMoveUp(LadderStep.YouDoIWatch, Reached, [Score(3, 2), Score(10, 4), Score(17, 5)]));

    [Fact]
    public void DoesNotSuggestWhenTheLatestScoreIsBelowFour() =>
        Assert.False(LadderAdvanceRule.SuggestsMoveUp(LadderStep.YouDoIWatch, Reached, [Score(3, 5), Score(10, 4), Score(17, 3)]));

    [Fact]
    public void OneGoodRideAlongIsNotEnough() =>
        Assert.False(LadderAdvanceRule.SuggestsMoveUp(LadderStep.YouDoIWatch, Reached, [Score(3, 5)]));

    [Fact]
    public void ScoresFromBeforeTheRepReachedTheStepDoNotCount() =>
        Assert.False(LadderAdvanceRule.SuggestsMoveUp(LadderStep.YouDoIWatch, Reached, [Score(-10, 5), Score(4, 5)]));

    [Fact]
    public void ScoresAtAnotherStepDoNotCount() =>
        Assert.False(LadderAdvanceRule.SuggestsMoveUp(LadderStep.YouDoIWatch, Reached, [Score(3, 5, LadderStep.IExplainYouListen), Score(4, 5)]));

    [Fact]
    public void OrderOfTheInputDoesNotMatterOnlyTheTwoLatest() =>
        Assert.True(LadderAdvanceRule.SuggestsMoveUp(LadderStep.YouDoIWatch, Reached, [Score(17, 4), Score(1, 1), Score(12, 5)]));

    [Fact]
    public void NeverSuggestsBeyondTheTopStep() =>
        Assert.False(LadderAdvanceRule.SuggestsMoveUp(LadderStep.YouExplainIListen, Reached, [Score(3, 5, LadderStep.YouExplainIListen), Score(4, 5, LadderStep.YouExplainIListen)]));

    [Theory]
    [InlineData(LadderStep.IDoYouWatch, LadderStep.IExplainYouListen)]
    [InlineData(LadderStep.YouDoIWatch, LadderStep.YouExplainIListen)]
    public void NextIsOneStepUp(LadderStep from, LadderStep expected) => Assert.Equal(expected, LadderAdvanceRule.Next(from));

    [Fact]
    public void ThereIsNothingAboveTheTopOrBelowTheBottom()
    {
        Assert.Null(LadderAdvanceRule.Next(LadderStep.YouExplainIListen));
        Assert.Null(LadderAdvanceRule.Previous(LadderStep.IDoYouWatch));
    }
}
