using System.Globalization;
using SalesCockpit.Features.TeamBoard;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Features.TeamBoard;

public class SharedReloadsTests
{
    private static readonly ViewerTeam East = new(1, "East", "Asia/Shanghai", "CNY");
    private static readonly Viewer Manager = new("m", "Manager", Roles.Manager, [East]);
    private readonly SharedReloads reloads = new();

    [Fact]
    public async Task TheTeamsBoardsShareOneLoadPerPanelAndEvent()
    {
        var loads = 0;
        var cause = new TeamEvent(East.Id, "customers.record", "7");
        Task<string> Load() => Task.FromResult($"load {Interlocked.Increment(ref loads)}");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => reloads.LoadAsync(Manager, East.Id, cause, "activity", Load)));
        var otherPanel = await reloads.LoadAsync(Manager, East.Id, cause, "stalled", Load);

        Assert.All(results, result => Assert.Equal("load 1", result.Value));
        Assert.Equal("load 2", otherPanel.Value);
    }

    [Fact]
    public async Task ANewEventOrAFirstLoadAlwaysQueriesAgain()
    {
        var loads = 0;
        Task<string> Load() => Task.FromResult($"load {Interlocked.Increment(ref loads)}");

        await reloads.LoadAsync(Manager, East.Id, new TeamEvent(East.Id, "customers.record", "7"), "activity", Load);
        var second = await reloads.LoadAsync(Manager, East.Id, new TeamEvent(East.Id, "customers.record", "7"), "activity", Load);
        var first = await reloads.LoadAsync(Manager, East.Id, null, "activity", Load);

        Assert.Equal(("load 2", "load 3"), (second.Value, first.Value));
    }

    [Fact]
    public async Task TheFingerprintTellsWhetherAReloadChangedAnything()
    {
        Task<IReadOnlyList<Row>> Load(params Row[] rows) => Task.FromResult<IReadOnlyList<Row>>(rows);

        var before = await reloads.LoadAsync(Manager, East.Id, null, "activity", () => Load(new Row("Li Na", 3), new Row("Wang Wei", 1)));
        var same = await reloads.LoadAsync(Manager, East.Id, new TeamEvent(East.Id, "customers.record"), "activity", () => Load(new Row("Li Na", 3), new Row("Wang Wei", 1)));
        var changed = await reloads.LoadAsync(Manager, East.Id, new TeamEvent(East.Id, "customers.record"), "activity", () => Load(new Row("Li Na", 4), new Row("Wang Wei", 1)));

        Assert.Equal(before.Fingerprint, same.Fingerprint);
        Assert.NotEqual(before.Fingerprint, changed.Fingerprint);
    }

    [Fact]
    public async Task NobodyGetsAnotherTeamsSharedResult()
    {
        var cause = new TeamEvent(East.Id, "customers.record");
        await reloads.LoadAsync(Manager, East.Id, cause, "activity", () => Task.FromResult("east data"));
        var rep = new Viewer("r", "Rep", Roles.Rep, [East]);
        var otherManager = new Viewer("n", "North manager", Roles.Manager, [new ViewerTeam(2, "North", "Asia/Shanghai", "CNY")]);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => reloads.LoadAsync(rep, East.Id, cause, "activity", () => Task.FromResult("x")));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => reloads.LoadAsync(otherManager, East.Id, cause, "activity", () => Task.FromResult("x")));
    }

    [Fact]
    public async Task BoardsInAnotherLanguageLoadTheirOwnResult()
    {
        var loads = 0;
        var cause = new TeamEvent(East.Id, "customers.record", "7");
        Task<string> Load() => Task.FromResult($"{CultureInfo.CurrentUICulture.Name} {Interlocked.Increment(ref loads)}");

        var english = await InCultureAsync("en-US", () => reloads.LoadAsync(Manager, East.Id, cause, "activity", Load));
        var chinese = await InCultureAsync("zh-CN", () => reloads.LoadAsync(Manager, East.Id, cause, "activity", Load));
        var chineseAgain = await InCultureAsync("zh-CN", () => reloads.LoadAsync(Manager, East.Id, cause, "activity", Load));

        Assert.Equal(("en-US 1", "zh-CN 2", "zh-CN 2"), (english.Value, chinese.Value, chineseAgain.Value));
    }

    private static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var (before, beforeUI) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUI);
        }
    }

    // Count is data; Described is computed from it and must not make the fingerprint recurse or differ.
    private sealed record Row(string Name, int Count)
    {
        public Row Described => this with { Name = Name + "!" };
    }
}
