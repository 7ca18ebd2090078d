namespace SalesCockpit.Features.TeamBoard;

/// <summary>A read-only link that shows one team's board on an office TV without a sign-in.</summary>
public sealed class DisplayLink
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public required string Label { get; set; }

    /// <summary>SHA-256 of the token in the URL; the token itself is shown once and never stored.</summary>
    public required string TokenHash { get; set; }

    public required string CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedById { get; set; }
}
