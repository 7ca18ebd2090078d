using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Infrastructure.Realtime;

public class CrossServerStatusBannerTests : ComponentTestContext
{
    private readonly SwitchableStatus status = new();

    public CrossServerStatusBannerTests() => Services.AddSingleton<ICrossServerStatus>(status);

    [Fact]
    public void ShowsOnALivePageWhileOtherServersArePausedAndGoesWhenTheyResume()
    {
        var banner = Render<CrossServerStatusBanner>();
        Render<TeamEventListener>(parameters => parameters
            .Add(component => component.TeamId, 7)
            .Add(component => component.OnEvent, (TeamEvent _) => { }));

        status.Set(connected: false);
        banner.WaitForAssertion(() => Assert.Equal(
            "Updates from other servers are paused (the shared event service is unreachable). Changes made through this server still appear live; when the service returns, this page catches up by itself.",
            banner.Find("[data-testid=cross-server-paused]").TextContent.Trim()));

        status.Set(connected: true);
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=cross-server-paused]")));
    }

    [Fact]
    public async Task ShowsInTheViewersLanguageWhateverThreadReportsThePause()
    {
        UseCulture("zh-CN");
        var banner = Render<CrossServerStatusBanner>();
        Render<TeamEventListener>(parameters => parameters
            .Add(component => component.TeamId, 7)
            .Add(component => component.OnEvent, (TeamEvent _) => { }));

        // Redis reports on its own thread, in whatever culture that thread has.
        await Task.Run(() =>
        {
            UseCulture("en-US");
            status.Set(connected: false);
        });

        banner.WaitForAssertion(() => Assert.StartsWith("来自其他服务器的更新已暂停", banner.Find("[data-testid=cross-server-paused]").TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public void StaysAwayFromAPageThatShowsNothingLive()
    {
        var banner = Render<CrossServerStatusBanner>();

        status.Set(connected: false);

        Assert.Empty(banner.FindAll("[data-testid=cross-server-paused]"));
    }

    private sealed class SwitchableStatus : ICrossServerStatus
    {
        public bool IsScaledOut => true;

        public bool IsConnected { get; private set; } = true;

        public event Action? Changed;

        public void Set(bool connected)
        {
            IsConnected = connected;
            Changed?.Invoke();
        }
    }
}
