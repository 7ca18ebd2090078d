using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Validation;
using SalesCockpit.Tests.Infrastructure;

namespace SalesCockpit.Tests.Features.Teams;

public sealed class PeopleAdministrationTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly ServiceProvider identity;
    private readonly RecordingEventBus bus = new();
    private readonly PeopleAdministration administration;
    private readonly TestData data;

    public PeopleAdministrationTests()
    {
        identity = IdentityTestServices.Build(database);
        administration = new PeopleAdministration(database, identity.GetRequiredService<IServiceScopeFactory>(), bus, new FakeTimeProvider());
        data = new TestData(database);
    }

    public void Dispose()
    {
        identity.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task CreatesARepInTheirTeamAndTellsOnlyThatTeam()
    {
        var east = await data.TeamAsync("East");
        var north = await data.TeamAsync("North");
        var admin = await data.AdminAsync();
        await data.RepAsync(north);

        var userId = await administration.CreatePersonAsync(admin, new PersonInput("Li Na", "li.na@example.com", Roles.Rep, [east.Id], "secret123"));

        var people = await administration.ListPeopleAsync(admin);
        var created = Assert.Single(people, person => person.UserId == userId);
        Assert.Equal(Roles.Rep, created.Role);
        Assert.Equal([east.Id], created.Teams.Select(team => team.Id));
        var published = Assert.Single(bus.Published);
        Assert.Equal((east.Id, TeamTopics.Members), (published.TeamId, published.Topic));
    }

    [Fact]
    public async Task ARepBelongsToExactlyOneTeam()
    {
        var east = await data.TeamAsync();
        var north = await data.TeamAsync();
        var admin = await data.AdminAsync();

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            administration.CreatePersonAsync(admin, new PersonInput("Two Teams", "two@example.com", Roles.Rep, [east.Id, north.Id], "secret123")));

        Assert.Equal("Validation_RepNeedsOneTeam", invalid.MessageKeyFor(nameof(PersonInput.TeamIds)));
        Assert.Empty(bus.Published);
    }

    [Fact]
    public async Task RefusesAnEmailAlreadyInUseAndAWeakPassword()
    {
        var east = await data.TeamAsync();
        var admin = await data.AdminAsync();
        await administration.CreatePersonAsync(admin, new PersonInput("First", "same@example.com", Roles.Rep, [east.Id], "secret123"));

        var taken = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            administration.CreatePersonAsync(admin, new PersonInput("Second", "same@example.com", Roles.Rep, [east.Id], "secret123")));
        var weak = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            administration.CreatePersonAsync(admin, new PersonInput("Third", "third@example.com", Roles.Rep, [east.Id], "short")));

        Assert.Equal("Validation_EmailTaken", taken.MessageKeyFor(nameof(PersonInput.Email)));
        Assert.Contains(weak.Errors, error => error.MessageKey == "Identity_PasswordTooShort");
        Assert.Contains(weak.Errors, error => error.MessageKey == "Identity_PasswordRequiresDigit");
    }

    [Fact]
    public async Task MovingARepRenewsTheirSecurityStampAndTellsBothTeams()
    {
        var east = await data.TeamAsync();
        var north = await data.TeamAsync();
        var admin = await data.AdminAsync();
        var rep = await data.RepAsync(east);
        var stampBefore = await StampOfAsync(rep.UserId);

        await administration.UpdatePersonAsync(admin, rep.UserId, new PersonUpdate(rep.DisplayName, Roles.Rep, [north.Id]));

        Assert.NotEqual(stampBefore, await StampOfAsync(rep.UserId));
        Assert.Equal([east.Id, north.Id], bus.Published.Select(published => published.TeamId).Order());
        await using var db = await database.CreateDbContextAsync();
        var moved = await TeamAccessLoad(rep.UserId);
        Assert.Equal([north.Id], moved!.Teams.Select(team => team.Id));
    }

    [Fact]
    public async Task ChangingOnlyTheNameKeepsOpenSessionsValid()
    {
        var east = await data.TeamAsync();
        var admin = await data.AdminAsync();
        var rep = await data.RepAsync(east);
        var stampBefore = await StampOfAsync(rep.UserId);

        await administration.UpdatePersonAsync(admin, rep.UserId, new PersonUpdate("New Name", Roles.Rep, [east.Id]));

        Assert.Equal(stampBefore, await StampOfAsync(rep.UserId));
    }

    [Fact]
    public async Task DeactivatedPersonFailsRevalidationAndKeepsTheirMembership()
    {
        var east = await data.TeamAsync();
        var admin = await data.AdminAsync();
        var rep = await data.RepAsync(east);
        using var scope = identity.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await new UserClaimsPrincipalFactory<AppUser>(users, Options.Create(new IdentityOptions()))
            .CreateAsync((await users.FindByIdAsync(rep.UserId))!);
        Assert.True(await ActivePersonRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, principal, new IdentityOptions()));

        await administration.SetActiveAsync(admin, rep.UserId, active: false);

        using var freshScope = identity.CreateScope();
        var freshUsers = freshScope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.False(await ActivePersonRevalidatingAuthenticationStateProvider.IsStillValidAsync(freshUsers, principal, new IdentityOptions()));
        Assert.Null(await TeamAccessLoad(rep.UserId));
        await using var db = await database.CreateDbContextAsync();
        Assert.True(await db.Set<TeamMembership>().AnyAsync(membership => membership.UserId == rep.UserId && membership.TeamId == east.Id));
    }

    [Fact]
    public async Task OnlyAdminsAdministerPeopleAndTeams()
    {
        var east = await data.TeamAsync();
        var manager = await data.ManagerAsync(east);

        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => administration.ListPeopleAsync(manager));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() => administration.CreateTeamAsync(manager, new TeamInput("Mine", "Asia/Shanghai")));
        await Assert.ThrowsAsync<TeamAccessDeniedException>(() =>
            administration.CreatePersonAsync(manager, new PersonInput("X", "x@example.com", Roles.Rep, [east.Id], "secret123")));
    }

    [Fact]
    public async Task AStaleTeamEditIsDetectedNotOverwritten()
    {
        var admin = await data.AdminAsync();
        var teamId = await administration.CreateTeamAsync(admin, new TeamInput("East", "Asia/Shanghai"));
        var seenByBoth = Assert.Single(await administration.ListTeamsAsync(admin));

        await administration.UpdateTeamAsync(admin, teamId, new TeamInput("East-1", "Asia/Shanghai"), seenByBoth.Version);

        await Assert.ThrowsAsync<ConcurrentEditException>(() =>
            administration.UpdateTeamAsync(admin, teamId, new TeamInput("East One", "Asia/Shanghai"), seenByBoth.Version));
        Assert.Equal("East-1", Assert.Single(await administration.ListTeamsAsync(admin)).Name);
    }

    [Theory]
    [InlineData("", "Asia/Shanghai", "Name", "Validation_Required")]
    [InlineData("East", "Nowhere/Land", "TimeZoneId", "Validation_UnknownTimeZone")]
    public async Task TeamInputIsValidated(string name, string zone, string field, string key)
    {
        var admin = await data.AdminAsync();

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => administration.CreateTeamAsync(admin, new TeamInput(name, zone)));

        Assert.Equal(key, invalid.MessageKeyFor(field));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData("yuan")]
    public async Task ATeamsCurrencyMustBeAnIsoCodeFromTheList(string currency)
    {
        var admin = await data.AdminAsync();

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => administration.CreateTeamAsync(admin, new TeamInput("East", "Asia/Shanghai", currency)));

        Assert.Equal("Validation_UnknownCurrency", invalid.MessageKeyFor(nameof(TeamInput.CurrencyCode)));
    }

    [Fact]
    public async Task ATeamCountsInYuanUntilTheAdminSetsAnotherCurrencyWhichItsPeopleThenSee()
    {
        var admin = await data.AdminAsync();
        var teamId = await administration.CreateTeamAsync(admin, new TeamInput("East", "Asia/Shanghai"));
        var created = Assert.Single(await administration.ListTeamsAsync(admin));
        Assert.Equal("CNY", created.CurrencyCode);

        await administration.UpdateTeamAsync(admin, teamId, new TeamInput("East", "Asia/Shanghai", "USD"), created.Version);

        Assert.Equal("USD", Assert.Single(await administration.ListTeamsAsync(admin)).CurrencyCode);
        await using var db = await database.CreateDbContextAsync();
        var team = await db.Set<Team>().SingleAsync(candidate => candidate.Id == teamId);
        var rep = await data.RepAsync(team);
        Assert.Equal("USD", Assert.Single(rep.Teams).CurrencyCode);
    }

    [Fact]
    public async Task TeamNamesAreUnique()
    {
        var admin = await data.AdminAsync();
        await administration.CreateTeamAsync(admin, new TeamInput("East", "Asia/Shanghai"));

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => administration.CreateTeamAsync(admin, new TeamInput(" East ", "Asia/Shanghai")));

        Assert.Equal("Validation_TeamNameTaken", invalid.MessageKeyFor(nameof(TeamInput.Name)));
    }

    private async Task<string?> StampOfAsync(string userId)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Users.Where(user => user.Id == userId).Select(user => user.SecurityStamp).SingleAsync();
    }

    private async Task<Viewer?> TeamAccessLoad(string userId)
    {
        await using var db = await database.CreateDbContextAsync();
        return await TeamAccess.LoadViewerAsync(db, userId, CancellationToken.None);
    }
}
