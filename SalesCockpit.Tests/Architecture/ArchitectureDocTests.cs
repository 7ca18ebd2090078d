using System.Text.RegularExpressions;
using SalesCockpit.Tests.Localization;

namespace SalesCockpit.Tests.Architecture;

/// <summary>The picture of the feature walls in docs/architecture.md draws exactly the arrows the walls test allows.</summary>
public sealed partial class ArchitectureDocTests
{
    [Fact]
    public void TheArchitecturePageDrawsExactlyTheAllowedArrows()
    {
        var page = File.ReadAllText(Path.Combine(ResourceParityTests.AppSourceDirectory(), "..", "docs", "architecture.md"));
        var picture = MermaidBlock().Match(page);
        Assert.True(picture.Success, "docs/architecture.md has no ```mermaid block");

        var drawn = MermaidArrow().Matches(picture.Groups["graph"].Value)
            .Select(arrow => new Arrow(arrow.Groups["from"].Value, arrow.Groups["to"].Value))
            .ToHashSet();
        Assert.NotEmpty(drawn);

        var expected = string.Join('\n', FeatureWalls.Allowed.Select(arrow => $"    {arrow}").Order(StringComparer.Ordinal));
        Assert.True(drawn.SetEquals(FeatureWalls.Allowed),
            $"The picture draws {string.Join(", ", drawn.Except(FeatureWalls.Allowed))} that are not allowed and misses "
            + $"{string.Join(", ", FeatureWalls.Allowed.Except(drawn))}. The allowed arrows:\n{expected}");
    }

    [GeneratedRegex(@"```mermaid\s*\n(?<graph>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"^\s*(?<from>\w+)\s*-->\s*(?<to>\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex MermaidArrow();
}
