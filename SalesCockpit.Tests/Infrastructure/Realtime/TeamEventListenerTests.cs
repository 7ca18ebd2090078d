using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Infrastructure.Realtime;

public class TeamEventListenerTests : ComponentTestContext
{
    [Fact]
    public async Task CallsBackForItsTeamsTopicsOnly()
    {
        List<TeamEvent> received = [];
        var listener = Render<TeamEventListener>(parameters => parameters
            .Add(listener => listener.TeamId, 7)
            .Add(listener => listener.Topics, ["plans"])
            .Add(listener => listener.OnEvent, (TeamEvent teamEvent) => received.Add(teamEvent)));

        await Bus.PublishAsync(new TeamEvent(7, "plans", "1"));
        await Bus.PublishAsync(new TeamEvent(7, "reviews", "2"));
        await Bus.PublishAsync(new TeamEvent(8, "plans", "3"));

        listener.WaitForAssertion(() => Assert.Equal(["1"], received.Select(teamEvent => teamEvent.SubjectId)));
    }

    [Fact]
    public void AResyncReachesTheCallbackOnceWhateverItsTopics()
    {
        List<TeamEvent> received = [];
        var listener = Render<TeamEventListener>(parameters => parameters
            .Add(component => component.TeamId, 7)
            .Add(component => component.Topics, ["plans"])
            .Add(component => component.OnEvent, (TeamEvent teamEvent) => received.Add(teamEvent)));

        Bus.Resync();

        listener.WaitForAssertion(() => Assert.Equal([TeamEvent.Resync(7)], received));
    }

    [Fact]
    public void MarksThePageLiveWhileItListens()
    {
        var page = Services.GetRequiredService<LivePage>();
        Assert.False(page.IsLive);

        var listener = Render<TeamEventListener>(parameters => parameters
            .Add(component => component.TeamId, 7)
            .Add(component => component.OnEvent, (TeamEvent _) => { }));
        Assert.True(page.IsLive);

        listener.Instance.Dispose();
        Assert.False(page.IsLive);
    }

    [Fact]
    public async Task CallsBackInTheViewersCulturesWhateverThePublishersAre()
    {
        UseCulture("zh-CN");
        List<(string Culture, string UICulture)> seen = [];
        var listener = Render<TeamEventListener>(parameters => parameters
            .Add(component => component.TeamId, 7)
            .Add(component => component.OnEvent, (TeamEvent _) => seen.Add((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name))));

        // The publisher is another person's circuit, in English, on its own thread.
        await Task.Run(async () =>
        {
            UseCulture("en-US");
            await Bus.PublishAsync(new TeamEvent(7, "plans", "1"));
            Assert.Equal("en-US", CultureInfo.CurrentUICulture.Name); // the publisher keeps its own
        });

        listener.WaitForAssertion(() => Assert.Equal([("zh-CN", "zh-CN")], seen));
    }

    [Fact]
    public async Task StopsListeningWhenDisposed()
    {
        var received = 0;
        var listener = Render<TeamEventListener>(parameters => parameters
            .Add(component => component.TeamId, 7)
            .Add(component => component.OnEvent, (TeamEvent _) => received++));

        listener.Instance.Dispose();
        await Bus.PublishAsync(new TeamEvent(7, "plans"));

        Assert.Equal(0, received);
    }

    [Fact]
    public async Task FollowsATeamChange()
    {
        List<int> teams = [];
        var listener = Render<TeamEventListener>(parameters => parameters
            .Add(component => component.TeamId, 7)
            .Add(component => component.OnEvent, (TeamEvent teamEvent) => teams.Add(teamEvent.TeamId)));

        listener.Render(parameters => parameters.Add(component => component.TeamId, 8));
        await Bus.PublishAsync(new TeamEvent(7, "plans"));
        await Bus.PublishAsync(new TeamEvent(8, "plans"));

        listener.WaitForAssertion(() => Assert.Equal([8], teams));
    }
}
