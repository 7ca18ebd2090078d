using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.TeamBoard;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.TeamBoard;

public sealed class DisplayLinksTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly RecordingEventBus bus = new();
    private readonly DisplayLinks links;
    private readonly TestData data;

    public DisplayLinksTests()
    {
        links = new DisplayLinks(database, bus, new FakeTimeProvider());
        data = new TestData(database);
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task ATokenOpensAReadOnlyViewOfItsTeamOnly()
    {
        var east = await data.TeamAsync("East");
        var north = await data.TeamAsync("North");
        var manager = await data.ManagerAsync(east);

        var created = await links.CreateAsync(manager, east.Id, "Office TV");
        var display = await links.ResolveAsync(created.Token);

        Assert.NotNull(display);
        Assert.True(display.IsDisplay);
        Assert.True(display.CanSeeTeam(east.Id));
        Assert.False(display.CanSeeTeam(north.Id));
        Assert.False(display.CanManageTeam(east.Id));
        Assert.Null(await links.ResolveAsync(created.Token + "x"));
        Assert.Null(await links.ResolveAsync(null));
    }

    [Fact]
    public async Task RevokingStopsTheTokenAndTellsTheTeamsDisplays()
    {
        var east = await data.TeamAsync();
        var manager = await data.ManagerAsync(east);
        var created = await links.CreateAsync(manager, east.Id, "Office TV");

        await links.RevokeAsync(manager, created.Id);

        Assert.Null(await links.ResolveAsync(created.Token));
        var published = Assert.Single(bus.Published);
        Assert.Equal((east.Id, TeamBoardTopics.DisplayRevoked, created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (published.TeamId, published.Topic, published.SubjectId));
        Assert.NotNull(Assert.Single(await links.ListAsync(manager, east.Id)).RevokedAt);
    }

    [Fact]
    public async Task OnlyTheTeamsManagersCreateListAndRevoke()
    {
        var east = await data.TeamAsync();
        var north = await data.TeamAsync();
        var eastManager = await data.ManagerAsync(east);
        var northManager = await data.ManagerAsync(north);
        var eastRep = await data.RepAsync(east);
        var created = await links.CreateAsync(eastManager, east.Id, "Office TV");

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => links.CreateAsync(eastRep, east.Id, "Mine"));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => links.CreateAsync(northManager, east.Id, "Theirs"));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => links.ListAsync(northManager, east.Id));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => links.RevokeAsync(northManager, created.Id));
        Assert.NotNull(await links.ResolveAsync(created.Token));
    }

    [Fact]
    public async Task ALinkNeedsAName()
    {
        var east = await data.TeamAsync();
        var manager = await data.ManagerAsync(east);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => links.CreateAsync(manager, east.Id, "  "));

        Assert.Equal("Validation_Required", invalid.MessageKeyFor(nameof(DisplayLink.Label)));
    }
}
