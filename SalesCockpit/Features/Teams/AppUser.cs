using Microsoft.AspNetCore.Identity;

namespace SalesCockpit.Features.Teams;

/// <summary>A person who signs in. Never deleted: a deactivated person's records stay with the team.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public List<TeamMembership> Memberships { get; } = [];
}
