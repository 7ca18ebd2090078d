namespace SalesCockpit.Features.TeamBoard;

/// <summary>Marker for the team board's strings (TeamBoardText.resx, TeamBoardText.zh-CN.resx).</summary>
public sealed class TeamBoardText;
