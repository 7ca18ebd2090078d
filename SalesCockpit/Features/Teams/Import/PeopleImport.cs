using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Spreadsheets;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Teams.Import;

public sealed record PeopleImportPreview(IReadOnlyList<PersonImportRow> Rows, string? FileErrorKey = null, IReadOnlyList<object>? FileErrorArguments = null)
{
    public string? EncodingName { get; init; }

    public IReadOnlyList<string> Sheets { get; init; } = [];

    public string? Sheet { get; init; }

    public int InvalidCount { get; } = Rows.Count(row => !row.IsValid);

    public IReadOnlyList<string> NewTeams { get; } = [.. Rows.Where(row => row.NewTeam).Select(row => row.Cells.Team!).Distinct(StringComparer.OrdinalIgnoreCase)];

    public bool CanImport => FileErrorKey is null && Rows.Count > 0 && InvalidCount == 0;
}

/// <summary>A person the import created, with the one-time link that lets them choose a password.</summary>
public sealed record ImportedPerson(string UserId, string DisplayName, string Email, string Role, string SetPasswordLink);

/// <summary>
/// An organisation in from a CSV or .xlsx file: teams and people (name, e-mail, role, team, manager), previewed with
/// every row's errors, then written in one transaction or not at all. A manager named in a row leads that row's team.
/// New people have no password: each gets a set-password link (<see cref="SetPasswordLinks"/>).
/// </summary>
public sealed class PeopleImport(IDbContextFactory<AppDbContext> dbFactory, IServiceScopeFactory scopeFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    public const int MaxRows = 5_000;

    public async Task<PeopleImportPreview> PreviewAsync(Viewer viewer, Stream content, string? fileName = null, string? sheet = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(content);
        viewer.EnsureAdmin();
        List<PersonImportCells> cells;
        ImportFile file;
        try
        {
            file = ImportFile.Open(content, fileName, sheet);
            cells = ReadCells(file, cancellationToken);
        }
        catch (ImportFileException refused)
        {
            return new PeopleImportPreview([], refused.ReasonKey, refused.Arguments);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (rows, _) = await ClassifyAsync(db, cells, cancellationToken);
        return new PeopleImportPreview(rows) { EncodingName = file.EncodingName, Sheets = file.Sheets, Sheet = file.Sheet };
    }

    /// <summary>Writes every row of a preview without errors, checked again against what is there now; all or nothing.</summary>
    public async Task<IReadOnlyList<ImportedPerson>> ImportAsync(Viewer viewer, PeopleImportPreview preview, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(preview);
        viewer.EnsureAdmin();
        if (!preview.CanImport)
        {
            throw new ValidationFailedException([new FieldError("File", "PeopleImport_FixErrorsFirst")]);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (rows, existing) = await ClassifyAsync(db, [.. preview.Rows.Select(row => row.Cells)], cancellationToken);
        if (rows.Any(row => !row.IsValid))
        {
            throw new ValidationFailedException([new FieldError("File", "PeopleImport_ChangedMeanwhile")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var teamIds = await TeamIdsAsync(db, rows, now, cancellationToken);
        var created = new List<AppUser>();
        var userIdByEmail = existing.ToDictionary(person => person.Email, person => person.UserId, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var user = new AppUser { UserName = row.Cells.Email, Email = row.Cells.Email, EmailConfirmed = true, DisplayName = row.Cells.Name!, CreatedAt = now };
            if (row.Cells.Team is { } team)
            {
                user.Memberships.Add(new TeamMembership { TeamId = teamIds[team], UserId = user.Id });
            }

            Require(await users.CreateAsync(user));
            Require(await users.AddToRoleAsync(user, row.Role!));
            created.Add(user);
            userIdByEmail[user.Email!] = user.Id;
        }

        await AddManagersToTheirTeamsAsync(db, rows, teamIds, userIdByEmail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var teamId in teamIds.Values.Distinct())
        {
            await eventBus.PublishAsync(new TeamEvent(teamId, TeamTopics.Members, ActorId: viewer.UserId), cancellationToken);
        }

        var links = new List<ImportedPerson>(created.Count);
        foreach (var (user, row) in created.Zip(rows))
        {
            links.Add(new ImportedPerson(user.Id, user.DisplayName, user.Email!, row.Role!, await SetPasswordLinks.CreateAsync(users, user, baseUri)));
        }

        return links;
    }

    private static List<PersonImportCells> ReadCells(ImportFile file, CancellationToken cancellationToken)
    {
        int[]? columnAt = null;
        List<PersonImportCells> cells = [];
        foreach (var record in file.Records(cancellationToken).Where(record => !record.Cells.All(string.IsNullOrWhiteSpace)))
        {
            if (columnAt is null)
            {
                var columns = record.Cells.Select(PeopleImportVocabulary.ColumnOf).ToList();
                columnAt = [.. PeopleImportVocabulary.Columns.Select(column => columns.IndexOf(column))];
                if (columnAt[1] < 0)
                {
                    throw new ImportFileException("PeopleImport_NoEmailColumn");
                }

                continue;
            }

            if (cells.Count == MaxRows)
            {
                throw new ImportFileException("PeopleImport_TooManyRows", MaxRows);
            }

            var at = columnAt;
            string? Cell(int column) => at[column] >= 0 && at[column] < record.Cells.Length ? SpreadsheetCells.Clean(record.Cells[at[column]]) : null;
            cells.Add(new PersonImportCells(record.Line, Cell(0), Cell(1), Cell(2), Cell(3), Cell(4)));
        }

        return cells.Count > 0 ? cells : throw new ImportFileException("Import_Empty");
    }

    /// <summary>The rows checked against the people and teams there now, and those people (a manager column may name them).</summary>
    private static async Task<(IReadOnlyList<PersonImportRow> Rows, IReadOnlyList<ExistingPerson> People)> ClassifyAsync(
        AppDbContext db, IReadOnlyList<PersonImportCells> cells, CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var roleByUser = roles.GroupBy(row => row.UserId).ToDictionary(group => group.Key, group => group.Min(row => row.Name));
        var people = await db.Users.AsNoTracking().Where(user => user.Email != null)
            .Select(user => new { user.Id, user.Email, user.IsActive }).ToListAsync(cancellationToken);
        var teams = await db.Set<Team>().AsNoTracking().Select(team => team.Name).ToListAsync(cancellationToken);
        List<ExistingPerson> existing = [.. people.Select(person => new ExistingPerson(person.Id, person.Email!, roleByUser.GetValueOrDefault(person.Id), person.IsActive))];
        return (PeopleImportRules.Classify(cells, existing, teams), existing);
    }

    private static async Task<Dictionary<string, int>> TeamIdsAsync(AppDbContext db, IReadOnlyList<PersonImportRow> rows, DateTime now, CancellationToken cancellationToken)
    {
        var teams = await db.Set<Team>().ToListAsync(cancellationToken);
        var byName = teams.ToDictionary(team => team.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var name in rows.Select(row => row.Cells.Team).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Where(name => !byName.ContainsKey(name)))
        {
            var team = new Team { Name = name, TimeZoneId = TeamRules.DefaultTimeZoneId, CreatedAt = now };
            db.Add(team);
            byName[name] = team;
        }

        await db.SaveChangesAsync(cancellationToken);
        return byName.Where(pair => rows.Any(row => string.Equals(row.Cells.Team, pair.Key, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(pair => pair.Key, pair => pair.Value.Id, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task AddManagersToTheirTeamsAsync(
        AppDbContext db, IReadOnlyList<PersonImportRow> rows, Dictionary<string, int> teamIds, Dictionary<string, string> userIdByEmail, CancellationToken cancellationToken)
    {
        var wanted = rows.Where(row => row.Cells.Manager is not null)
            .Select(row => (TeamId: teamIds[row.Cells.Team!], UserId: userIdByEmail[row.Cells.Manager!])).Distinct().ToList();
        var wantedTeams = wanted.Select(pair => pair.TeamId).Distinct().ToList();
        var present = (await db.Set<TeamMembership>().Where(membership => wantedTeams.Contains(membership.TeamId))
            .Select(membership => new { membership.TeamId, membership.UserId }).ToListAsync(cancellationToken))
            .Select(membership => (membership.TeamId, membership.UserId)).ToHashSet();
        foreach (var (teamId, userId) in wanted.Where(pair => !present.Contains(pair)))
        {
            db.Add(new TeamMembership { TeamId = teamId, UserId = userId });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // Another admin created the same e-mail between the check and the write: nothing is kept.
            throw new ValidationFailedException([new FieldError("File", "PeopleImport_ChangedMeanwhile")]);
        }
    }
}
