using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Teams.Import;

/// <summary>One person as the file says it: cells cleaned, nothing checked yet.</summary>
public sealed record PersonImportCells(int Line, string? Name, string? Email, string? Role, string? Team, string? Manager);

/// <summary>
/// One person of the file and what the import would do: <see cref="Role"/> is the recognised role, <see cref="NewTeam"/>
/// says the team is created; <see cref="Errors"/> (field = column) stop the whole import.
/// </summary>
public sealed record PersonImportRow(PersonImportCells Cells, string? Role, bool NewTeam, IReadOnlyList<FieldError> Errors)
{
    public int Line => Cells.Line;

    public bool IsValid => Errors.Count == 0;
}

/// <summary>Someone already in the app, by e-mail: a manager column may name them, a new row may not repeat them.</summary>
public sealed record ExistingPerson(string UserId, string Email, string? Role, bool IsActive);

/// <summary>The rules of an organisation file, checked against the people and teams already there.</summary>
public static class PeopleImportRules
{
    public static IReadOnlyList<PersonImportRow> Classify(
        IReadOnlyList<PersonImportCells> rows, IReadOnlyCollection<ExistingPerson> existingPeople, IReadOnlyCollection<string> existingTeams)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(existingPeople);
        ArgumentNullException.ThrowIfNull(existingTeams);
        var people = existingPeople.ToDictionary(person => person.Email, StringComparer.OrdinalIgnoreCase);
        var teams = existingTeams.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var firstLineByEmail = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var roleInFile = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(row => row.Email is not null))
        {
            if (firstLineByEmail.TryAdd(row.Email!, row.Line))
            {
                roleInFile[row.Email!] = PeopleImportVocabulary.RoleOf(row.Role);
            }
        }

        return [.. rows.Select(row => Classify(row, people, teams, firstLineByEmail, roleInFile))];
    }

    private static PersonImportRow Classify(
        PersonImportCells row, Dictionary<string, ExistingPerson> people, HashSet<string> teams,
        Dictionary<string, int> firstLineByEmail, Dictionary<string, string?> roleInFile)
    {
        List<FieldError> errors = [];
        if (PeopleAdministration.NameError(row.Name, "Name") is { } nameError)
        {
            errors.Add(nameError);
        }

        if (row.Email is null)
        {
            errors.Add(new FieldError("Email", "Validation_Required"));
        }
        else if (PeopleAdministration.EmailError(row.Email, "Email") is { } emailError)
        {
            errors.Add(emailError);
        }
        else if (people.ContainsKey(row.Email))
        {
            errors.Add(new FieldError("Email", "PeopleImport_EmailExists"));
        }
        else if (firstLineByEmail[row.Email] != row.Line)
        {
            errors.Add(new FieldError("Email", "PeopleImport_EmailTwice", firstLineByEmail[row.Email]));
        }

        var role = PeopleImportVocabulary.RoleOf(row.Role);
        if (row.Role is null)
        {
            errors.Add(new FieldError("Role", "Validation_Required"));
        }
        else if (role is null)
        {
            errors.Add(new FieldError("Role", "PeopleImport_UnknownRole", row.Role));
        }

        if (row.Team is null && role is Roles.Rep or Roles.Manager)
        {
            errors.Add(new FieldError("Team", role == Roles.Rep ? "Validation_RepNeedsOneTeam" : "Validation_ManagerNeedsTeam"));
        }
        else if (row.Team?.Length > TeamRules.NameMaxLength)
        {
            errors.Add(new FieldError("Team", "Validation_TooLong", TeamRules.NameMaxLength));
        }

        if (row.Manager is not null)
        {
            errors.AddRange(CheckManager(row, people, roleInFile));
        }

        return new PersonImportRow(row, role, row.Team is not null && !teams.Contains(row.Team), errors);
    }

    private static IEnumerable<FieldError> CheckManager(PersonImportCells row, Dictionary<string, ExistingPerson> people, Dictionary<string, string?> roleInFile)
    {
        if (row.Team is null)
        {
            yield return new FieldError("Manager", "PeopleImport_ManagerNeedsTeam");
        }
        else if (string.Equals(row.Manager, row.Email, StringComparison.OrdinalIgnoreCase))
        {
            yield return new FieldError("Manager", "PeopleImport_ManagerIsSelf");
        }
        else if (people.TryGetValue(row.Manager!, out var existing))
        {
            if (!existing.IsActive || existing.Role is not (Roles.Manager or Roles.Admin))
            {
                yield return new FieldError("Manager", "PeopleImport_ManagerNotManager", row.Manager!);
            }
        }
        else if (roleInFile.TryGetValue(row.Manager!, out var role))
        {
            if (role is not (Roles.Manager or Roles.Admin))
            {
                yield return new FieldError("Manager", "PeopleImport_ManagerNotManager", row.Manager!);
            }
        }
        else
        {
            yield return new FieldError("Manager", "PeopleImport_ManagerUnknown", row.Manager!);
        }
    }
}
