using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Features.Coaching;
using SalesCockpit.Features.Coaching.Pages;
using SalesCockpit.Features.RideAlongs;
using SalesCockpit.Tests.Features.RideAlongs;

namespace SalesCockpit.Tests.Features.Coaching;

public class RepLadderPageTests : RideAlongComponentContext
{
    [Fact]
    public async Task TheMatrixShowsEachRepsStepPerSkillAndSuggestsMovingUp()
    {
        var crew = await CrewAsync();
        await CompleteWithScoreAsync(crew, 5);
        await CompleteWithScoreAsync(crew, 4);
        SignInAs(crew.Manager);

        var page = Render<CoachingMatrixPage>(parameters => parameters.Add(component => component.TeamId, crew.Team.Id));

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid=matrix-cell]").Count));
        Assert.Single(page.FindAll("[data-testid=suggest-up]"));
        Assert.Contains("I do, you watch", page.Find("[data-testid=matrix-cell]").TextContent);
    }

    [Theory]
    [InlineData("en-US", "Move up to I explain, you listen")]
    [InlineData("zh-CN", "晋级到我说你听")]
    public async Task LadderPagesSpeakTheViewersLanguageWithTheMethodsOwnWordsOnlyAsMarkedAnnotations(string culture, string moveUp)
    {
        UseCulture(culture);
        var crew = await CrewAsync();
        await CompleteWithScoreAsync(crew, 5);
        await CompleteWithScoreAsync(crew, 4);
        SignInAs(crew.Manager);

        var ladder = Render<RepLadderPage>(parameters => parameters.Add(component => component.TeamId, crew.Team.Id).Add(component => component.RepId, crew.Rep.UserId));
        var matrix = Render<CoachingMatrixPage>(parameters => parameters.Add(component => component.TeamId, crew.Team.Id));
        ladder.WaitForAssertion(() => ladder.Find("[data-testid=suggestion]"));
        matrix.WaitForAssertion(() => Assert.Equal(6, matrix.FindAll("[data-testid=matrix-cell]").Count));

        Assert.Equal(moveUp, ladder.FindAll("[data-testid=move-up]")[0].TextContent.Trim());
        if (culture == "en-US")
        {
            Assert.Equal("", ChineseOutsideAnnotations(ladder.Nodes));
            Assert.Equal("", ChineseOutsideAnnotations(matrix.Nodes));
            Assert.Contains("我做你看", ladder.Find("[lang=zh-CN]").TextContent, StringComparison.Ordinal); // the native term stands beside the English
        }
    }

    // CJK characters (and the enumeration comma) in the text, leaving out elements marked lang="zh-CN" on purpose.
    private static string ChineseOutsideAnnotations(AngleSharp.Dom.INodeList nodes)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in nodes)
        {
            var copy = node.Clone(true);
            if (copy is AngleSharp.Dom.IElement element)
            {
                foreach (var annotation in element.QuerySelectorAll("[lang='zh-CN']").ToList())
                {
                    annotation.Remove();
                }
            }

            if (copy is AngleSharp.Dom.IElement or AngleSharp.Dom.IText)
            {
                text.Append(copy.TextContent);
            }
        }

        return string.Concat(System.Text.RegularExpressions.Regex.Matches(text.ToString(), @"[\p{IsCJKUnifiedIdeographs}、]").Select(match => match.Value));
    }

    [Fact]
    public async Task TheManagerMovesARepUpAndTheLadderShowsTheNewStep()
    {
        var crew = await CrewAsync();
        await CompleteWithScoreAsync(crew, 5);
        await CompleteWithScoreAsync(crew, 4);
        SignInAs(crew.Manager);
        var page = Render<RepLadderPage>(parameters => parameters.Add(component => component.TeamId, crew.Team.Id).Add(component => component.RepId, crew.Rep.UserId));
        page.WaitForAssertion(() => page.Find("[data-testid=suggestion]"));

        page.FindAll("[data-testid=move-up]")[0].Click();

        page.WaitForAssertion(() => Assert.Equal("2", page.FindAll("[data-testid=current-step]")[0].GetAttribute("data-step")));
        Assert.Empty(page.FindAll("[data-testid=suggestion]"));
        Assert.Equal(2, page.FindAll("[data-testid=score-pill]").Count);
    }

    [Fact]
    public async Task ARepSeesTheirOwnLadderWithoutMoveButtonsAndNotATeammates()
    {
        var crew = await CrewAsync();
        var teammate = await Data.RepAsync(crew.Team);
        SignInAs(crew.Rep);

        var mine = Render<RepLadderPage>(parameters => parameters.Add(component => component.TeamId, crew.Team.Id).Add(component => component.RepId, crew.Rep.UserId));
        mine.WaitForAssertion(() => Assert.Equal(6, mine.FindAll("[data-testid=skill-ladder]").Count));
        Assert.Empty(mine.FindAll("[data-testid=move-up]"));

        var theirs = Render<RepLadderPage>(parameters => parameters.Add(component => component.TeamId, crew.Team.Id).Add(component => component.RepId, teammate.UserId));
        theirs.WaitForAssertion(() => theirs.Find("[data-testid=not-found]"));
    }

    private async Task CompleteWithScoreAsync(Crew crew, int score)
    {
        var id = await Services.GetRequiredService<RideAlongScheduler>().ScheduleAsync(crew.Manager, RideAlongServices.Input(crew, step: LadderStep.IDoYouWatch));
        var notebook = Services.GetRequiredService<RideAlongNotebook>();
        await notebook.ScoreAsync(crew.Manager, id, crew.Skills[0].Id, score);
        await notebook.SaveTextAsync(crew.Manager, id, DebriefField.Feedback, "Fine.");
        await Services.GetRequiredService<RideAlongDebrief>().CompleteAsync(crew.Manager, id);
        Clock.Advance(TimeSpan.FromMinutes(30));
    }
}
