using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.TeamBoard;

public sealed record DisplayLinkRow(int Id, string Label, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A link just created: the only moment its token is known.</summary>
public sealed record CreatedDisplayLink(int Id, string Token);

/// <summary>Wall-display links: created and revoked by the team's managers, resolved without a sign-in.</summary>
public sealed class DisplayLinks(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    public const int LabelMaxLength = 60;

    public async Task<CreatedDisplayLink> CreateAsync(Viewer viewer, int teamId, string label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanManageTeam(teamId);
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ValidationFailedException([new FieldError(nameof(DisplayLink.Label), "Validation_Required")]);
        }

        if (label.Trim().Length > LabelMaxLength)
        {
            throw new ValidationFailedException([new FieldError(nameof(DisplayLink.Label), "Validation_TooLong", LabelMaxLength)]);
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = new DisplayLink
        {
            TeamId = teamId,
            Label = label.Trim(),
            TokenHash = Hash(token),
            CreatedById = viewer.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedDisplayLink(link.Id, token);
    }

    public async Task<IReadOnlyList<DisplayLinkRow>> ListAsync(Viewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        viewer.EnsureCanManageTeam(teamId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<DisplayLink>().AsNoTracking()
            .Where(link => link.TeamId == teamId)
            .OrderBy(link => link.RevokedAt != null).ThenByDescending(link => link.CreatedAt)
            .Select(link => new DisplayLinkRow(link.Id, link.Label, link.CreatedAt, link.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes at once: open displays of this link receive the event and stop showing the board.</summary>
    public async Task RevokeAsync(Viewer viewer, int linkId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.Set<DisplayLink>().SingleOrDefaultAsync(candidate => candidate.Id == linkId, cancellationToken)
            ?? throw new TeamAccessDeniedException(0);
        viewer.EnsureCanManageTeam(link.TeamId);
        if (link.RevokedAt is not null)
        {
            return;
        }

        link.RevokedAt = clock.GetUtcNow().UtcDateTime;
        link.RevokedById = viewer.UserId;
        await db.SaveChangesAsync(cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(link.TeamId, TeamBoardTopics.DisplayRevoked, link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);
    }

    /// <summary>The read-only viewer a valid, unrevoked token stands for; null for anything else.</summary>
    public async Task<Viewer?> ResolveAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.Set<DisplayLink>().AsNoTracking()
            .Where(candidate => candidate.TokenHash == hash && candidate.RevokedAt == null)
            .Join(db.Set<Team>(), candidate => candidate.TeamId, team => team.Id, (candidate, team) => new { candidate.Id, Team = new ViewerTeam(team.Id, team.Name, team.TimeZoneId, team.CurrencyCode) })
            .SingleOrDefaultAsync(cancellationToken);
        return link is null ? null : Viewer.ForDisplay(link.Id, link.Team);
    }

    public async Task<bool> IsActiveAsync(int linkId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<DisplayLink>().AnyAsync(link => link.Id == linkId && link.RevokedAt == null, cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
