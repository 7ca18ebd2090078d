using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using SalesCockpit.Tests.Localization;

namespace SalesCockpit.Tests.Architecture;

/// <summary>
/// Issue 14: features use each other only through what they publish, along the allowed arrows, without cycles.
/// The references come from the compiled app, so a type in the same namespace, a Razor component's markup and a
/// method body count as much as a `using`.
/// </summary>
public sealed partial class FeatureWallsTests
{
    private static readonly Lazy<IReadOnlyList<TypeReference>> AppReferences = new(() => TypeReferences.In(
        typeof(Program).Assembly.Location,
        [Path.GetDirectoryName(typeof(object).Assembly.Location)!, Path.GetDirectoryName(typeof(WebApplication).Assembly.Location)!]));

    [Fact]
    public void TheReferenceReaderSeesSignaturesMarkupAndMethodBodies()
    {
        var references = AppReferences.Value.Select(reference => $"{reference.From} -> {reference.To}").ToHashSet(StringComparer.Ordinal);

        // an injected service of a page, a component used in markup, a base type, and a call in a method body
        Assert.Contains("SalesCockpit.Features.Coaching.Pages.CoachingMatrixPage -> SalesCockpit.Features.Coaching.CoachingLadder", references);
        Assert.Contains("SalesCockpit.Features.TeamBoard.Panels.CoachingMatrixPanel -> SalesCockpit.Features.Coaching.LadderStepChip", references);
        Assert.Contains("SalesCockpit.Features.TeamBoard.Panels.EveningReviewsPanel -> SalesCockpit.Features.TeamBoard.Panels.BoardPanelBase`1", references);
        Assert.Contains("SalesCockpit.Features.Coaching.CoachingLadder -> SalesCockpit.Features.Coaching.IRideAlongScores", references);
        Assert.Contains("Program -> SalesCockpit.Features.TeamBoard.TeamBoardServiceCollectionExtensions", references);
    }

    [Fact]
    public void PublishedMeansTheFeaturesOwnNamespace()
    {
        Assert.Equal("Customers", FeatureWalls.FeatureOf(new AppType("SalesCockpit.Features.Customers.CustomerPool", "SalesCockpit.Features.Customers")));
        Assert.True(FeatureWalls.IsPublished(new AppType("SalesCockpit.Features.Customers.CustomerPool", "SalesCockpit.Features.Customers")));
        Assert.False(FeatureWalls.IsPublished(new AppType("SalesCockpit.Features.Customers.Pages.CustomerPage", "SalesCockpit.Features.Customers.Pages")));
        Assert.False(FeatureWalls.IsPublished(new AppType("SalesCockpit.Features.Teams.Import.PeopleImport", "SalesCockpit.Features.Teams.Import")));
        Assert.Null(FeatureWalls.FeatureOf(new AppType("SalesCockpit.Components.Layout.MainLayout", "SalesCockpit.Components.Layout")));

        var intoPages = new TypeReference(
            new AppType("SalesCockpit.Features.TeamBoard.TeamBoardView", "SalesCockpit.Features.TeamBoard"),
            new AppType("SalesCockpit.Features.Customers.Pages.CustomerPage", "SalesCockpit.Features.Customers.Pages"));
        var fromShell = intoPages with { From = new AppType("SalesCockpit.Components.Pages.Home", "SalesCockpit.Components.Pages") };
        var withinFeature = intoPages with { From = new AppType("SalesCockpit.Features.Customers.CustomerPool", "SalesCockpit.Features.Customers") };
        Assert.Equal(new List<TypeReference> { intoPages, fromShell }, FeatureWalls.IntoInternals([intoPages, fromShell, withinFeature]).ToList());
    }

    [Fact]
    public void NoFeatureShellOrInfrastructureReachesIntoAFeaturesInternals()
    {
        var crossings = FeatureWalls.IntoInternals(AppReferences.Value)
            .Select(reference => $"{reference.From} uses {reference.To}, an internal of {FeatureWalls.FeatureOf(reference.To)}")
            .ToList();

        Assert.True(crossings.Count == 0,
            "Only the types in a feature's own namespace (SalesCockpit.Features.X) are published; move the type there or "
            + "publish an interface:\n" + string.Join('\n', crossings));
    }

    [Fact]
    public void TheCycleFinderFindsACycleAndOnlyACycle()
    {
        var cycle = FeatureWalls.FindCycle([new("A", "B"), new("B", "C"), new("C", "D"), new("C", "A")]);
        Assert.Equal("A B C A", string.Join(' ', cycle ?? []));
        Assert.Null(FeatureWalls.FindCycle([new("A", "B"), new("B", "C"), new("A", "C")]));
    }

    [Fact]
    public void FeaturesDependOnEachOtherWithoutCycles()
    {
        var arrows = FeatureWalls.Arrows(AppReferences.Value);
        Assert.NotEmpty(arrows);

        var cycle = FeatureWalls.FindCycle(arrows.Keys);

        Assert.True(cycle is null, cycle is null ? "" : $"Cycle {string.Join(" --> ", cycle)}:\n" + string.Join('\n',
            cycle.Zip(cycle.Skip(1)).SelectMany(step => arrows[new Arrow(step.First, step.Second)].Take(3).Select(reference => $"{reference.From} uses {reference.To}"))));
    }

    [Fact]
    public void FeaturesDependOnEachOtherExactlyAlongTheAllowedArrows()
    {
        var arrows = FeatureWalls.Arrows(AppReferences.Value);

        var unexpected = arrows.Where(arrow => !FeatureWalls.Allowed.Contains(arrow.Key))
            .SelectMany(arrow => arrow.Value.Select(reference => $"{arrow.Key}: {reference.From} uses {reference.To}"))
            .ToList();
        var unused = FeatureWalls.Allowed.Where(arrow => !arrows.ContainsKey(arrow)).Select(arrow => arrow.ToString()).ToList();

        Assert.True(unexpected.Count == 0, "Arrows that are not allowed (FeatureWalls.Allowed and docs/architecture.md):\n" + string.Join('\n', unexpected));
        Assert.True(unused.Count == 0, "Allowed arrows that no code uses any more; remove them from FeatureWalls.Allowed and docs/architecture.md:\n" + string.Join('\n', unused));
    }

    /// <summary>Topic names and other constants are copied into the compiled code, so the source's mentions are checked too.</summary>
    [Fact]
    public void TheSourceOfAFeatureMentionsOnlyFeaturesItMayUse()
    {
        var features = Path.Combine(ResourceParityTests.AppSourceDirectory(), "Features");
        var mentions = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Select(path => (Path: Path.GetRelativePath(features, path), Text: File.ReadAllText(path)))
            .SelectMany(file => FeatureMention().Matches(file.Text).Select(match =>
                (file.Path, Arrow: new Arrow(Path.GetDirectoryName(file.Path) is { Length: > 0 } folder ? folder.Split(Path.DirectorySeparatorChar)[0] : "Features/",
                    match.Groups["feature"].Value))))
            .ToList();
        Assert.Contains(mentions, mention => mention.Arrow == new Arrow("TeamBoard", "Coaching"));

        // A file directly in Features/ (its _Imports.razor) names no feature: it would import it into every feature.
        var forbidden = mentions.Where(mention => mention.Arrow.From != mention.Arrow.To && !FeatureWalls.Allowed.Contains(mention.Arrow))
            .Select(mention => $"{mention.Path} mentions {mention.Arrow.To} ({mention.Arrow})").Distinct().ToList();

        Assert.True(forbidden.Count == 0, "Arrows that are not allowed:\n" + string.Join('\n', forbidden));
    }

    [GeneratedRegex(@"SalesCockpit\.Features\.(?<feature>\w+)")]
    private static partial Regex FeatureMention();
}
