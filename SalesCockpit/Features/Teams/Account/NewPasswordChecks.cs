using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace SalesCockpit.Features.Teams.Account;

/// <summary>What the change- and set-password pages check before Identity does, and Identity's refusals in the user's language.</summary>
internal static class NewPasswordChecks
{
    public static (List<string> NewErrors, string? ConfirmError) Check(IStringLocalizer<TeamsText> text, string newPassword, string confirmation) =>
        (string.IsNullOrEmpty(newPassword) ? [text["Validation_Required"].Value] : [], newPassword != confirmation ? text["ChangePassword_Mismatch"].Value : null);

    public static string Describe(IStringLocalizer<TeamsText> text, IdentityError error) =>
        text["Identity_" + error.Code] is { ResourceNotFound: false } known ? known.Value : error.Description;
}
