using Bunit;
using SalesCockpit.Features.TeamBoard.Panels;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.TeamBoard;

public class PeoplePanelTests : ComponentTestContext
{
    [Fact]
    public async Task ShowsTheRepsAndReloadsOnlyOnItsOwnTopic()
    {
        var east = await Data.TeamAsync();
        var manager = await Data.ManagerAsync(east);
        var rep = await Data.RepAsync(east);
        var panel = Render<PeoplePanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, manager));
        panel.WaitForAssertion(() => Assert.Contains(rep.DisplayName, panel.Markup));

        var newcomer = await Data.RepAsync(east);
        await Bus.PublishAsync(new TeamEvent(east.Id, "some.other.topic"));
        Assert.DoesNotContain(newcomer.DisplayName, panel.Markup);

        await Bus.PublishAsync(new TeamEvent(east.Id, TeamTopics.Members));
        panel.WaitForAssertion(() => Assert.Contains(newcomer.DisplayName, panel.Markup));
    }

    [Fact]
    public async Task OnAWallDisplayItLeadsNowhere()
    {
        var east = await Data.TeamAsync();
        await Data.RepAsync(east);
        var display = Viewer.ForDisplay(1, new ViewerTeam(east.Id, east.Name, east.TimeZoneId));

        var panel = Render<PeoplePanel>(parameters => parameters.Add(p => p.TeamId, east.Id).Add(p => p.Viewer, display).Add(p => p.ReadOnly, true));

        panel.WaitForAssertion(() => Assert.Contains("Rep ", panel.Markup));
        Assert.Empty(panel.FindAll("a[href]"));
        Assert.DoesNotContain("@test.local", panel.Markup);
    }
}
