namespace SalesCockpit.Tests.Architecture;

/// <summary>A feature using another feature: its types reference the other's published types.</summary>
public sealed record Arrow(string From, string To)
{
    public override string ToString() => $"{From} --> {To}";
}

/// <summary>
/// The walls between the features. A feature is a namespace `SalesCockpit.Features.X`; the types in that namespace
/// itself are what it publishes (its services, records, interfaces, topics, components meant for reuse), and the
/// sub-namespaces that its folders make (`.Pages`, `.Components`, `.Panels`, `.Import`, ...) are its internals.
/// </summary>
public static class FeatureWalls
{
    private const string FeaturesPrefix = "SalesCockpit.Features.";

    /// <summary>The only arrows allowed between features; docs/architecture.md draws exactly these.</summary>
    public static readonly IReadOnlySet<Arrow> Allowed = new HashSet<Arrow>
    {
        new("Coaching", "Teams"),
        new("Customers", "Teams"),
        new("EveningReviews", "Customers"),
        new("EveningReviews", "MorningPlans"),
        new("EveningReviews", "Targets"),
        new("EveningReviews", "Teams"),
        new("MorningPlans", "Customers"),
        new("MorningPlans", "Teams"),
        new("RideAlongs", "Coaching"),
        new("RideAlongs", "Customers"),
        new("RideAlongs", "MorningPlans"),
        new("RideAlongs", "Teams"),
        new("Targets", "Customers"),
        new("Targets", "Teams"),
        new("TeamBoard", "Coaching"),
        new("TeamBoard", "Customers"),
        new("TeamBoard", "EveningReviews"),
        new("TeamBoard", "MorningPlans"),
        new("TeamBoard", "RideAlongs"),
        new("TeamBoard", "Targets"),
        new("TeamBoard", "Teams"),
    };

    /// <summary>The feature a type belongs to, or null for the shell, infrastructure and compiler-generated types.</summary>
    public static string? FeatureOf(AppType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        // A generic Razor component's type-inference helper lives in `__Blazor.<its namespace>.<component>`.
        var ns = type.Namespace.StartsWith("__Blazor.", StringComparison.Ordinal) ? type.Namespace["__Blazor.".Length..] : type.Namespace;
        return ns.StartsWith(FeaturesPrefix, StringComparison.Ordinal) ? ns[FeaturesPrefix.Length..].Split('.')[0] : null;
    }

    /// <summary>Whether other parts of the app may use this feature type: it sits in its feature's own namespace.</summary>
    public static bool IsPublished(AppType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return FeatureOf(type) is { } feature && type.Namespace == FeaturesPrefix + feature;
    }

    /// <summary>The app's own code outside the features: the shell (`Program`, `SalesCockpit.Components`) and infrastructure.</summary>
    public static bool IsOutsideFeatures(AppType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.FullName == "Program" || (FeatureOf(type) is null && (type.Namespace == "SalesCockpit" || type.Namespace.StartsWith("SalesCockpit.", StringComparison.Ordinal)));
    }

    /// <summary>The references that cross into another feature's internals, from another feature, the shell or infrastructure.</summary>
    public static IEnumerable<TypeReference> IntoInternals(IEnumerable<TypeReference> references) =>
        references.Where(reference => FeatureOf(reference.To) is { } target
            && FeatureOf(reference.From) != target
            && (FeatureOf(reference.From) is not null || IsOutsideFeatures(reference.From))
            && !IsPublished(reference.To));

    /// <summary>Feature to feature arrows, each with the references that make it.</summary>
    public static IReadOnlyDictionary<Arrow, IReadOnlyList<TypeReference>> Arrows(IEnumerable<TypeReference> references) =>
        references
            .Select(reference => (Reference: reference, From: FeatureOf(reference.From), To: FeatureOf(reference.To)))
            .Where(edge => edge.From is not null && edge.To is not null && edge.From != edge.To)
            .GroupBy(edge => new Arrow(edge.From!, edge.To!), edge => edge.Reference)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<TypeReference>)group.ToList());

    /// <summary>One cycle among the arrows (its features in order, the first repeated at the end), or null when there is none.</summary>
    public static IReadOnlyList<string>? FindCycle(IEnumerable<Arrow> arrows)
    {
        var next = arrows.GroupBy(arrow => arrow.From, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(arrow => arrow.To).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        IReadOnlyList<string>? Visit(string feature)
        {
            var onPath = path.IndexOf(feature);
            if (onPath >= 0)
            {
                return [.. path.Skip(onPath), feature];
            }
            if (!done.Add(feature))
            {
                return null;
            }
            path.Add(feature);
            foreach (var target in next.GetValueOrDefault(feature) ?? [])
            {
                if (Visit(target) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }

        return next.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }
}
