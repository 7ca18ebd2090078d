using Bunit;
using SalesCockpit.Tests.Infrastructure;
using SalesCockpit.Features.Teams;
using SalesCockpit.Features.Teams.Pages;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Features.Teams;

public class TeamPageTests : ComponentTestContext
{
    [Fact]
    public async Task ShowsTheTeamsPeopleAndAddsANewcomerLive()
    {
        var east = await Data.TeamAsync("East");
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        SignInAs(manager);

        var page = Render<TeamPage>(parameters => parameters.Add(component => component.TeamId, east.Id));
        page.WaitForAssertion(() => Assert.Contains(rep.DisplayName, page.Find("[data-testid=reps]").TextContent));

        var newcomer = await Data.RepAsync(east);
        await Bus.PublishAsync(new TeamEvent(east.Id, TeamTopics.Members));

        page.WaitForAssertion(() => Assert.Contains(newcomer.DisplayName, page.Find("[data-testid=reps]").TextContent));
    }

    [Fact]
    public async Task AnotherTeamsPageLooksLikeNotFoundAndRevealsNobody()
    {
        var east = await Data.TeamAsync("East");
        var north = await Data.TeamAsync("North");
        var eastRep = await Data.RepAsync(east);
        var northRep = await Data.RepAsync(north);
        SignInAs(eastRep);

        var page = Render<TeamPage>(parameters => parameters.Add(component => component.TeamId, north.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=not-found]"));
        Assert.DoesNotContain(northRep.DisplayName, page.Markup);
        Assert.DoesNotContain("North", page.Markup);
    }

    [Fact]
    public async Task RepsDoNotSeeTeammatesContactDetailsButManagersDo()
    {
        var east = await Data.TeamAsync("East");
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var teammate = await Data.RepAsync(east);

        SignInAs(rep);
        var repView = Render<TeamPage>(parameters => parameters.Add(component => component.TeamId, east.Id));
        repView.WaitForAssertion(() => Assert.Contains(teammate.DisplayName, repView.Markup));
        Assert.DoesNotContain("@test.local", repView.Markup);

        SignInAs(manager);
        var managerView = Render<TeamPage>(parameters => parameters.Add(component => component.TeamId, east.Id));
        managerView.WaitForAssertion(() => Assert.Contains("@test.local", managerView.Markup));
    }

    [Fact]
    public async Task SpeaksChineseWhenTheCultureIsChinese()
    {
        UseCulture("zh-CN");
        var east = await Data.TeamAsync("East");
        SignInAs(await Data.ManagerAsync(east));

        var page = Render<TeamPage>(parameters => parameters.Add(component => component.TeamId, east.Id));

        page.WaitForAssertion(() => Assert.Contains("销售", page.Find("[data-testid=reps]").TextContent));
    }
}
