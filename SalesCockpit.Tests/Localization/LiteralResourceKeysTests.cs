using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SalesCockpit.Tests.Localization;

/// <summary>A key typed into a component must exist in the resource its localizer reads, or the page shows the raw key.</summary>
public partial class LiteralResourceKeysTests
{
    [Fact]
    public void EveryLiteralKeyAComponentAsksForExistsInItsResource()
    {
        var root = ResourceParityTests.AppSourceDirectory();
        var resources = Directory.EnumerateFiles(root, "*.resx", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".zh-CN.resx", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .ToDictionary(
                path => Path.GetFileNameWithoutExtension(path),
                path => XDocument.Load(path).Root!.Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal));
        var missing = new List<string>();
        var checkedKeys = 0;

        foreach (var component in Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(component);
            foreach (Match injection in Injection().Matches(source))
            {
                var resource = injection.Groups["type"].Value.Split('.')[^1];
                var keys = resources[resource];
                var literal = new Regex(@"(?<![A-Za-z0-9_])" + Regex.Escape(injection.Groups["name"].Value) + @"\[""(?<key>[A-Za-z0-9_]+)""\s*[\],]");
                foreach (Match use in literal.Matches(source))
                {
                    checkedKeys++;
                    if (!keys.Contains(use.Groups["key"].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(root, component)}: {resource}.{use.Groups["key"].Value}");
                    }
                }
            }
        }

        Assert.True(checkedKeys > 500, $"only {checkedKeys} literal keys found; the pattern no longer matches the components");
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [GeneratedRegex(@"@inject IStringLocalizer<(?<type>[A-Za-z.]+)> (?<name>\w+)")]
    private static partial Regex Injection();
}
