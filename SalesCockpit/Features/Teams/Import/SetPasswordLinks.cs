using Microsoft.AspNetCore.Identity;

namespace SalesCockpit.Features.Teams.Import;

/// <summary>
/// A one-time link to choose a password: Identity's password reset token, which stops working once used (resetting the
/// password renews the security stamp), when the person's access changes, or after <see cref="Lifespan"/>.
/// </summary>
public static class SetPasswordLinks
{
    public const string Path = "account/set-password";

    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(7);

    public static async Task<string> CreateAsync(UserManager<AppUser> users, AppUser user, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return new Uri(baseUri, $"{Path}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}").AbsoluteUri;
    }
}
