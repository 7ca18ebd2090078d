using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using SalesCockpit.Features.TeamBoard.Panels;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.TeamBoard;

/// <summary>What every board panel gets from its base: a reload per event of its topics, and a render only when it changed something.</summary>
public class BoardPanelBaseTests : ComponentTestContext
{
    private static readonly ViewerTeam East = new(1, "East", "Asia/Shanghai", "CNY");
    private static readonly Viewer Manager = new("m", "Manager", Roles.Manager, [East]);

    [Fact]
    public async Task AReloadThatFindsTheSameDataRendersNothingAndAChangeRendersOnce()
    {
        var source = new RowSource("Li Na · call");
        var panel = Render<CountingPanel>(parameters => parameters.Add(p => p.TeamId, East.Id).Add(p => p.Viewer, Manager).Add(p => p.Source, source));
        panel.WaitForAssertion(() => Assert.Equal("Li Na · call", panel.Markup));
        var rendersAfterFirstLoad = panel.Instance.Renders;

        await Bus.PublishAsync(new TeamEvent(East.Id, "customers.record"));
        panel.WaitForAssertion(() => Assert.Equal(2, source.Loads));
        Assert.Equal(rendersAfterFirstLoad, panel.Instance.Renders);

        source.Rows = ["Wang Wei · visit", "Li Na · call"];
        await Bus.PublishAsync(new TeamEvent(East.Id, "customers.record"));
        panel.WaitForAssertion(() => Assert.Equal("Wang Wei · visit|Li Na · call", panel.Markup));
        Assert.Equal(3, source.Loads);
        Assert.Equal(rendersAfterFirstLoad + 1, panel.Instance.Renders);
    }

    [Fact]
    public async Task AnotherTeamsEventDoesNotReloadThePanel()
    {
        var source = new RowSource("Li Na · call");
        var panel = Render<CountingPanel>(parameters => parameters.Add(p => p.TeamId, East.Id).Add(p => p.Viewer, Manager).Add(p => p.Source, source));
        panel.WaitForAssertion(() => Assert.Equal(1, source.Loads));

        source.Rows = ["North's line"];
        await Bus.PublishAsync(new TeamEvent(East.Id + 1, "customers.record"));

        Assert.Equal(1, source.Loads);
        Assert.Equal("Li Na · call", panel.Markup);
    }

    [Fact]
    public async Task AnOlderReloadThatFinishesLastDoesNotReplaceNewerData()
    {
        var source = new RowSource("first");
        var panel = Render<CountingPanel>(parameters => parameters.Add(p => p.TeamId, East.Id).Add(p => p.Viewer, Manager).Add(p => p.Source, source));
        panel.WaitForAssertion(() => Assert.Equal("first", panel.Markup));

        var slowLoad = source.HoldNextLoad();
        source.Rows = ["older"];
        await Bus.PublishAsync(new TeamEvent(East.Id, "customers.record"));
        panel.WaitForAssertion(() => Assert.Equal(2, source.Loads));
        source.Rows = ["newer"];
        await Bus.PublishAsync(new TeamEvent(East.Id, "customers.record"));
        panel.WaitForAssertion(() => Assert.Equal("newer", panel.Markup));

        slowLoad.SetResult();
        await source.HeldLoadReturned;
        await panel.InvokeAsync(() => { });

        Assert.Equal("newer", panel.Markup);
    }

    private sealed class RowSource(params string[] rows)
    {
        private readonly TaskCompletionSource heldLoadReturned = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? hold;
        private int loads;

        public IReadOnlyList<string> Rows { get; set; } = rows;

        public int Loads => Volatile.Read(ref loads);

        public Task HeldLoadReturned => heldLoadReturned.Task;

        /// <summary>The next load reads the rows at once but returns them only when the returned source is set.</summary>
        public TaskCompletionSource HoldNextLoad() => hold = new TaskCompletionSource();

        public async Task<IReadOnlyList<string>> LoadAsync()
        {
            Interlocked.Increment(ref loads);
            IReadOnlyList<string> rows = [.. Rows];
            if (Interlocked.Exchange(ref hold, null) is { } held)
            {
                await held.Task;
                heldLoadReturned.SetResult();
            }

            return rows;
        }
    }

    private sealed class CountingPanel : BoardPanelBase<IReadOnlyList<string>>
    {
        [Parameter, EditorRequired]
        public required RowSource Source { get; set; }

        public int Renders { get; private set; }

        protected override Task<IReadOnlyList<string>> LoadDataAsync() => Source.LoadAsync();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            builder.AddContent(0, Data is null ? "" : string.Join("|", Data));
            builder.OpenComponent<TeamEventListener>(1);
            builder.AddComponentParameter(2, nameof(TeamEventListener.TeamId), TeamId);
            builder.AddComponentParameter(3, nameof(TeamEventListener.Handler), (Func<TeamEvent, Task>)ReloadAsync);
            builder.CloseComponent();
        }
    }
}
