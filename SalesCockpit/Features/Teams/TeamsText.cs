namespace SalesCockpit.Features.Teams;

/// <summary>Marker for the strings of teams, people and sign-in (TeamsText.resx, TeamsText.zh-CN.resx).</summary>
public sealed class TeamsText;
