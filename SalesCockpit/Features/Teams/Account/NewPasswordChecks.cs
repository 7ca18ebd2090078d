using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace SalesCockpit.Features.Teams.Account;

/// <summary>What the change- and set-password pages check before Identity does, and Identity's refusals in the user's language.</summary>
internal static class NewPasswordChecks
{
    /// <summary>
    /// Every problem at once: a missing or weak new password (Identity's own password rules) and a confirmation that
    /// differs, so a short password that also does not match shows both messages.
    /// </summary>
    public static async Task<(List<string> NewErrors, string? ConfirmError)> CheckAsync(
        IStringLocalizer<TeamsText> text, UserManager<AppUser> users, AppUser user, string newPassword, string confirmation)
    {
        List<string> newErrors = [];
        if (string.IsNullOrEmpty(newPassword))
        {
            newErrors.Add(text["Validation_Required"].Value);
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, newPassword);
                newErrors.AddRange(result.Errors.Select(error => Describe(text, error)));
            }
        }

        return (newErrors, newPassword != confirmation ? text["ChangePassword_Mismatch"].Value : null);
    }

    public static string Describe(IStringLocalizer<TeamsText> text, IdentityError error) =>
        text["Identity_" + error.Code] is { ResourceNotFound: false } known ? known.Value : error.Description;
}
