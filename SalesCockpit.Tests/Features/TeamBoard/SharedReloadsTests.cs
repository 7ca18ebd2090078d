using SalesCockpit.Features.TeamBoard;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Tests.Features.TeamBoard;

public class SharedReloadsTests
{
    private static readonly ViewerTeam East = new(1, "East", "Asia/Shanghai");
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

        Assert.All(results, result => Assert.Equal("load 1", result));
        Assert.Equal("load 2", otherPanel);
    }

    [Fact]
    public async Task ANewEventOrAFirstLoadAlwaysQueriesAgain()
    {
        var loads = 0;
        Task<string> Load() => Task.FromResult($"load {Interlocked.Increment(ref loads)}");

        await reloads.LoadAsync(Manager, East.Id, new TeamEvent(East.Id, "customers.record", "7"), "activity", Load);
        var second = await reloads.LoadAsync(Manager, East.Id, new TeamEvent(East.Id, "customers.record", "7"), "activity", Load);
        var first = await reloads.LoadAsync(Manager, East.Id, null, "activity", Load);

        Assert.Equal(("load 2", "load 3"), (second, first));
    }

    [Fact]
    public async Task NobodyGetsAnotherTeamsSharedResult()
    {
        var cause = new TeamEvent(East.Id, "customers.record");
        await reloads.LoadAsync(Manager, East.Id, cause, "activity", () => Task.FromResult("east data"));
        var rep = new Viewer("r", "Rep", Roles.Rep, [East]);
        var otherManager = new Viewer("n", "North manager", Roles.Manager, [new ViewerTeam(2, "North", "Asia/Shanghai")]);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => reloads.LoadAsync(rep, East.Id, cause, "activity", () => Task.FromResult("x")));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => reloads.LoadAsync(otherManager, East.Id, cause, "activity", () => Task.FromResult("x")));
    }
}
