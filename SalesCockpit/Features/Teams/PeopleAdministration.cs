using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Teams;

public sealed record TeamInput(string Name, string TimeZoneId, string CurrencyCode = TeamMoney.DefaultCurrency);

public sealed record TeamSummary(int Id, string Name, string TimeZoneId, int ManagerCount, int RepCount, Guid Version, string CurrencyCode);

public sealed record PersonInput(string DisplayName, string Email, string Role, IReadOnlyList<int> TeamIds, string Password);

public sealed record PersonUpdate(string DisplayName, string Role, IReadOnlyList<int> TeamIds);

public sealed record PersonRow(string UserId, string DisplayName, string Email, string Role, bool IsActive, IReadOnlyList<ViewerTeam> Teams);

/// <summary>
/// The Admin's work on teams and people. Changes of role, team or activity renew the person's security
/// stamp, so their open sessions lose access at the next revalidation (within a minute).
/// </summary>
public sealed class PeopleAdministration(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    ITeamEventBus eventBus,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamSummary>> ListTeamsAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roleByUser = await RoleByUserAsync(db, cancellationToken);
        var teams = await db.Set<Team>().AsNoTracking().OrderBy(team => team.Name)
            .Select(team => new { team.Id, team.Name, team.TimeZoneId, team.CurrencyCode, team.Version, Members = team.Memberships.Where(m => m.User!.IsActive).Select(m => m.UserId).ToList() })
            .ToListAsync(cancellationToken);
        return [.. teams.Select(team => new TeamSummary(
            team.Id, team.Name, team.TimeZoneId,
            team.Members.Count(id => roleByUser.GetValueOrDefault(id) == Roles.Manager),
            team.Members.Count(id => roleByUser.GetValueOrDefault(id) == Roles.Rep),
            team.Version, team.CurrencyCode))];
    }

    public async Task<int> CreateTeamAsync(Viewer viewer, TeamInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ValidateTeamAsync(db, input, null, cancellationToken);
        var team = new Team { Name = input.Name.Trim(), TimeZoneId = input.TimeZoneId, CurrencyCode = input.CurrencyCode, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return team.Id;
    }

    public async Task UpdateTeamAsync(Viewer viewer, int teamId, TeamInput input, Guid version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ValidateTeamAsync(db, input, teamId, cancellationToken);
        var team = await db.Set<Team>().SingleAsync(candidate => candidate.Id == teamId, cancellationToken);
        db.Entry(team).Property(candidate => candidate.Version).OriginalValue = version;
        team.Name = input.Name.Trim();
        team.TimeZoneId = input.TimeZoneId;
        team.CurrencyCode = input.CurrencyCode;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrentEditException();
        }

        await eventBus.PublishAsync(new TeamEvent(teamId, TeamTopics.Members, ActorId: viewer.UserId), cancellationToken);
    }

    public async Task<IReadOnlyList<PersonRow>> ListPeopleAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roleByUser = await RoleByUserAsync(db, cancellationToken);
        var people = await db.Users.AsNoTracking().OrderBy(user => user.DisplayName)
            .Select(user => new
            {
                user.Id,
                user.DisplayName,
                user.Email,
                user.IsActive,
                Teams = user.Memberships.OrderBy(m => m.Team!.Name).Select(m => new ViewerTeam(m.TeamId, m.Team!.Name, m.Team.TimeZoneId, m.Team.CurrencyCode)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. people.Select(person => new PersonRow(person.Id, person.DisplayName, person.Email ?? "", roleByUser.GetValueOrDefault(person.Id) ?? Roles.Rep, person.IsActive, person.Teams))];
    }

    public async Task<string> CreatePersonAsync(Viewer viewer, PersonInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        viewer.EnsureAdmin();
        ValidationFailedException.ThrowIfAny(ValidateNewPerson(input));

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(input.Email.Trim()) is not null)
        {
            throw new ValidationFailedException([new FieldError(nameof(PersonInput.Email), "Validation_EmailTaken")]);
        }

        var user = new AppUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        foreach (var teamId in input.TeamIds.Distinct())
        {
            user.Memberships.Add(new TeamMembership { TeamId = teamId, UserId = user.Id });
        }

        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            throw new ValidationFailedException([.. created.Errors.Select(error => new FieldError(nameof(PersonInput.Password), "Identity_" + error.Code))]);
        }

        await users.AddToRoleAsync(user, input.Role);
        await PublishMembersChangedAsync(viewer, input.TeamIds, cancellationToken);
        return user.Id;
    }

    public async Task UpdatePersonAsync(Viewer viewer, string userId, PersonUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(update);
        viewer.EnsureAdmin();
        ValidationFailedException.ThrowIfAny(ValidatePerson(update.DisplayName, update.Role, update.TeamIds));

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.Include(candidate => candidate.Memberships).SingleAsync(candidate => candidate.Id == userId, cancellationToken);
        var currentRoles = await users.GetRolesAsync(user);
        var previousTeams = user.Memberships.Select(membership => membership.TeamId).ToList();
        var wantedTeams = update.TeamIds.Distinct().ToList();
        var accessChanged = !currentRoles.SequenceEqual([update.Role]) || !previousTeams.Order().SequenceEqual(wantedTeams.Order());

        user.DisplayName = update.DisplayName.Trim();
        user.Memberships.RemoveAll(membership => !wantedTeams.Contains(membership.TeamId));
        foreach (var teamId in wantedTeams.Except(previousTeams))
        {
            user.Memberships.Add(new TeamMembership { TeamId = teamId, UserId = user.Id });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!currentRoles.SequenceEqual([update.Role]))
        {
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, update.Role);
        }

        if (accessChanged)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.UpdateAsync(user);
        }

        await transaction.CommitAsync(cancellationToken);
        await PublishMembersChangedAsync(viewer, previousTeams.Union(wantedTeams), cancellationToken);
    }

    /// <summary>Deactivated people cannot sign in and lose open sessions; everything they wrote stays with the team.</summary>
    public async Task SetActiveAsync(Viewer viewer, string userId, bool active, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureAdmin();
        if (!active && userId == viewer.UserId)
        {
            throw new ValidationFailedException([new FieldError("Person", "Validation_CannotDeactivateSelf")]);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.Include(candidate => candidate.Memberships).SingleAsync(candidate => candidate.Id == userId, cancellationToken);
        user.IsActive = active;
        await users.UpdateSecurityStampAsync(user);
        await PublishMembersChangedAsync(viewer, user.Memberships.Select(membership => membership.TeamId), cancellationToken);
    }

    internal static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim();

    /// <summary>A person's name, given and at most <see cref="TeamRules.PersonNameMaxLength"/> long; null when it is fine.</summary>
    internal static FieldError? NameError(string? name, string field) =>
        string.IsNullOrWhiteSpace(name) ? new FieldError(field, "Validation_Required")
        : name.Trim().Length > TeamRules.PersonNameMaxLength ? new FieldError(field, "Validation_TooLong", TeamRules.PersonNameMaxLength)
        : null;

    /// <summary>One e-mail address, at most <see cref="TeamRules.EmailMaxLength"/> long; null when it is fine.</summary>
    internal static FieldError? EmailError(string? email, string field) =>
        !IsEmail(email) ? new FieldError(field, "Validation_Email")
        : email!.Trim().Length > TeamRules.EmailMaxLength ? new FieldError(field, "Validation_TooLong", TeamRules.EmailMaxLength)
        : null;

    /// <summary>The rules for a new account, from the people page or the <c>admin create</c> command.</summary>
    internal static List<FieldError> ValidateNewPerson(PersonInput input)
    {
        var errors = ValidatePerson(input.DisplayName, input.Role, input.TeamIds);
        if (EmailError(input.Email, nameof(PersonInput.Email)) is { } emailError)
        {
            errors.Add(emailError);
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add(new FieldError(nameof(PersonInput.Password), "Validation_Required"));
        }

        return errors;
    }

    private static List<FieldError> ValidatePerson(string? displayName, string? role, IReadOnlyList<int> teamIds)
    {
        List<FieldError> errors = [];
        if (NameError(displayName, nameof(PersonInput.DisplayName)) is { } nameError)
        {
            errors.Add(nameError);
        }

        if (role is null || !Roles.All.Contains(role))
        {
            errors.Add(new FieldError(nameof(PersonInput.Role), "Validation_Required"));
        }
        else if (role == Roles.Rep && teamIds.Distinct().Count() != 1)
        {
            errors.Add(new FieldError(nameof(PersonInput.TeamIds), "Validation_RepNeedsOneTeam"));
        }
        else if (role == Roles.Manager && teamIds.Count == 0)
        {
            errors.Add(new FieldError(nameof(PersonInput.TeamIds), "Validation_ManagerNeedsTeam"));
        }

        return errors;
    }

    private static async Task ValidateTeamAsync(AppDbContext db, TeamInput input, int? teamId, CancellationToken cancellationToken)
    {
        var errors = TeamRules.ValidateTeam(input.Name, input.TimeZoneId, input.CurrencyCode);
        if (errors.Count == 0)
        {
            var name = input.Name.Trim();
            if (await db.Set<Team>().AnyAsync(team => team.Name == name && team.Id != teamId, cancellationToken))
            {
                errors.Add(new FieldError(nameof(TeamInput.Name), "Validation_TeamNameTaken"));
            }
        }

        ValidationFailedException.ThrowIfAny(errors);
    }

    private static async Task<Dictionary<string, string?>> RoleByUserAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               select new { userRole.UserId, role.Name })
            .GroupBy(row => row.UserId)
            .Select(group => new { UserId = group.Key, Name = group.Min(row => row.Name) })
            .ToDictionaryAsync(row => row.UserId, row => row.Name, cancellationToken);

    private async Task PublishMembersChangedAsync(Viewer viewer, IEnumerable<int> teamIds, CancellationToken cancellationToken)
    {
        foreach (var teamId in teamIds.Distinct())
        {
            await eventBus.PublishAsync(new TeamEvent(teamId, TeamTopics.Members, ActorId: viewer.UserId), cancellationToken);
        }
    }
}
