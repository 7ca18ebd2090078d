using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace SalesCockpit.Features.Teams;

public enum AdminCreationOutcome
{
    Created,
    AlreadyExists,
    Refused,
}

public sealed record AdminCreation(AdminCreationOutcome Outcome, IReadOnlyList<string> Errors);

/// <summary>Creates an administrator from the command line: the way into a fresh installation.</summary>
public sealed class AdminAccounts(UserManager<AppUser> users, IStringLocalizer<TeamsText> text, TimeProvider clock)
{
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>An existing account with this e-mail is left exactly as it is (no second account, no new password).</summary>
    public async Task<AdminCreation> CreateAsync(string email, string? displayName, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new AdminCreation(AdminCreationOutcome.AlreadyExists, []);
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim();
        var invalid = PeopleAdministration.ValidateNewPerson(new PersonInput(name, email, Roles.Admin, [], password));
        if (invalid.Count > 0)
        {
            return new AdminCreation(AdminCreationOutcome.Refused, [.. invalid.Select(error => $"{text[FieldLabel(error.Field)]}: {text[error.MessageKey, error.Arguments]}")]);
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AdminCreation(AdminCreationOutcome.Refused, [.. created.Errors.Select(error => error.Description)]);
        }

        var role = await users.AddToRoleAsync(user, Roles.Admin);
        return role.Succeeded
            ? new AdminCreation(AdminCreationOutcome.Created, [])
            : new AdminCreation(AdminCreationOutcome.Refused, [.. role.Errors.Select(error => error.Description)]);
    }

    private static string FieldLabel(string field) => field switch
    {
        nameof(PersonInput.DisplayName) => "Person_Name",
        nameof(PersonInput.Email) => "Email",
        nameof(PersonInput.Password) => "Password",
        _ => field,
    };

    /// <summary>20 characters of letters and digits (about 116 bits), with the digit and lower-case letter the policy asks for.</summary>
    public static string GeneratePassword()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(PasswordAlphabet, 20);
            if (password.Any(char.IsDigit) && password.Any(char.IsLower))
            {
                return password;
            }
        }
    }
}
