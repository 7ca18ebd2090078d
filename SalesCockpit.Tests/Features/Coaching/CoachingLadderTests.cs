using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;
using SalesCockpit.Tests.Features.RideAlongs;

namespace SalesCockpit.Tests.Features.Coaching;

public sealed class CoachingLadderTests : IDisposable
{
    private readonly RideAlongServices services = new();

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task ATeamStartsWithTheSixDefaultSkillsInBothLanguages()
    {
        var crew = await services.CrewAsync();

        Assert.Equal(["Opening", "Needs discovery", "Presenting value", "Objection handling", "Closing", "Relationship"], crew.Skills.Select(skill => skill.NameEn));
        Assert.Equal(["开场", "需求挖掘", "价值呈现", "异议处理", "促成签约", "客户关系"], crew.Skills.Select(skill => skill.NameZh));
    }

    [Fact]
    public async Task AManagerEditsTheSkillListAndARepCannot()
    {
        var crew = await services.CrewAsync();

        var id = await services.Skills.AddAsync(crew.Manager, crew.Team.Id, new SkillInput("Negotiation", "谈判"));
        var added = (await services.Skills.ListAsync(crew.Manager, crew.Team.Id)).Single(skill => skill.Id == id);
        await services.Skills.RenameAsync(crew.Manager, id, new SkillInput("Price negotiation", "价格谈判"), added.Version);
        await Assert.ThrowsAsync<ConcurrentEditException>(() => services.Skills.RenameAsync(crew.Manager, id, new SkillInput("Stale", "旧"), added.Version));
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => services.Skills.AddAsync(crew.Manager, crew.Team.Id, new SkillInput("closing", "收尾")));
        Assert.Equal("Validation_SkillExists", duplicate.MessageKeyFor(nameof(SkillInput.NameEn)));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Skills.AddAsync(crew.Rep, crew.Team.Id, new SkillInput("Mine", "我的")));

        var renamed = (await services.Skills.ListAsync(crew.Manager, crew.Team.Id)).Single(skill => skill.Id == id);
        await services.Skills.SetArchivedAsync(crew.Manager, id, archived: true, renamed.Version);
        Assert.DoesNotContain(await services.Skills.ListAsync(crew.Rep, crew.Team.Id), skill => skill.Id == id);
        Assert.Contains(await services.Skills.ListAsync(crew.Manager, crew.Team.Id, includeArchived: true), skill => skill.NameEn == "Price negotiation" && skill.IsArchived);
    }

    [Fact]
    public async Task TwoGoodRideAlongsAtTheCurrentStepSuggestAMoveUpAndTheManagerDecides()
    {
        var crew = await services.CrewAsync();
        var opening = crew.Skills[0].Id;
        await services.CompletedAsync(crew, 4, LadderStep.IDoYouWatch);

        Assert.False((await services.Ladder.RepLadderAsync(crew.Manager, crew.Team.Id, crew.Rep.UserId)).Skills[0].SuggestsMoveUp);

        await services.CompletedAsync(crew, 5, LadderStep.IDoYouWatch);
        var ladder = await services.Ladder.RepLadderAsync(crew.Manager, crew.Team.Id, crew.Rep.UserId);
        Assert.True(ladder.Skills[0].SuggestsMoveUp);
        Assert.Equal([5, 4], ladder.Skills[0].Scores.Select(score => score.Score));
        Assert.True(Assert.Single((await services.Ladder.MatrixAsync(crew.Manager, crew.Team.Id)).Rows).Cells[0].SuggestsMoveUp);

        await services.Ladder.MoveAsync(crew.Manager, crew.Team.Id, crew.Rep.UserId, opening, LadderStep.IDoYouWatch, LadderStep.IExplainYouListen);

        var moved = await services.Ladder.RepLadderAsync(crew.Rep, crew.Team.Id, crew.Rep.UserId);
        Assert.Equal(LadderStep.IExplainYouListen, moved.Skills[0].Step);
        Assert.False(moved.Skills[0].SuggestsMoveUp);
        Assert.Contains(services.Bus.Published, published => published.Topic == CoachingTopics.Ladder && published.SubjectId == crew.Rep.UserId);
    }

    [Fact]
    public async Task AMoveFromAStaleStepChangesNothing()
    {
        var crew = await services.CrewAsync();
        var skill = crew.Skills[1].Id;
        await services.Ladder.MoveAsync(crew.Manager, crew.Team.Id, crew.Rep.UserId, skill, LadderStep.IDoYouWatch, LadderStep.IExplainYouListen);

        await Assert.ThrowsAsync<ConcurrentEditException>(() => services.Ladder.MoveAsync(crew.Manager, crew.Team.Id, crew.Rep.UserId, skill, LadderStep.IDoYouWatch, LadderStep.IExplainYouListen));
        await Assert.ThrowsAsync<ValidationFailedException>(() => services.Ladder.MoveAsync(crew.Manager, crew.Team.Id, crew.Rep.UserId, skill, LadderStep.IExplainYouListen, LadderStep.YouExplainIListen));
        Assert.Equal(LadderStep.IExplainYouListen, (await services.Ladder.RepLadderAsync(crew.Manager, crew.Team.Id, crew.Rep.UserId)).Skills[1].Step);
    }

    [Fact]
    public async Task ARepSeesOnlyTheirOwnLadderAndAnotherTeamsManagerNone()
    {
        var east = await services.CrewAsync("East");
        var north = await services.CrewAsync("North");
        var teammate = await services.Data.RepAsync(east.Team);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Ladder.RepLadderAsync(east.Rep, east.Team.Id, teammate.UserId));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Ladder.MatrixAsync(east.Rep, east.Team.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Ladder.MatrixAsync(north.Manager, east.Team.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Ladder.RepLadderAsync(north.Manager, east.Team.Id, east.Rep.UserId));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => services.Ladder.MoveAsync(north.Manager, east.Team.Id, east.Rep.UserId, east.Skills[0].Id, LadderStep.IDoYouWatch, LadderStep.IExplainYouListen));
    }
}
