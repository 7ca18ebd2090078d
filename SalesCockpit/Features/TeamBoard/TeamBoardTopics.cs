namespace SalesCockpit.Features.TeamBoard;

public static class TeamBoardTopics
{
    /// <summary>A wall-display link was revoked; its subject id is the link's id.</summary>
    public const string DisplayRevoked = "board.display-revoked";
}
