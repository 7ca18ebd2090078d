using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Teams;

public sealed class Team : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone id; "today" for the team's people is the date here.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>ISO 4217 code every amount of the team is shown in.</summary>
    public string CurrencyCode { get; set; } = TeamMoney.DefaultCurrency;

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }

    public List<TeamMembership> Memberships { get; } = [];
}

/// <summary>A rep belongs to exactly one team; a manager may lead several.</summary>
public sealed class TeamMembership
{
    public int TeamId { get; set; }

    public required string UserId { get; set; }

    public Team? Team { get; set; }

    public AppUser? User { get; set; }
}
