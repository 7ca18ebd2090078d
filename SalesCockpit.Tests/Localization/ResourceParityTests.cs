using System.Xml.Linq;

namespace SalesCockpit.Tests.Localization;

/// <summary>Both languages are first-class: every string exists, non-empty, in en-US and zh-CN.</summary>
public class ResourceParityTests
{
    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(AppSourceDirectory(), "*.resx", SearchOption.AllDirectories)
                     .Where(path => !path.EndsWith(".zh-CN.resx", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(AppSourceDirectory(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EveryStringHasBothLanguages(string neutralFile)
    {
        var english = Read(Path.Combine(AppSourceDirectory(), neutralFile));
        var chinesePath = Path.Combine(AppSourceDirectory(), neutralFile.Replace(".resx", ".zh-CN.resx", StringComparison.Ordinal));
        Assert.True(File.Exists(chinesePath), $"{neutralFile} has no zh-CN twin");
        var chinese = Read(chinesePath);

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.DoesNotContain(english.Concat(chinese), entry => string.IsNullOrWhiteSpace(entry.Value));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void PlaceholdersMatchAcrossLanguages(string neutralFile)
    {
        var english = Read(Path.Combine(AppSourceDirectory(), neutralFile));
        var chinese = Read(Path.Combine(AppSourceDirectory(), neutralFile.Replace(".resx", ".zh-CN.resx", StringComparison.Ordinal)));

        foreach (var (key, value) in english)
        {
            Assert.True(
                Placeholders(value).SetEquals(Placeholders(chinese[key])),
                $"{neutralFile} {key}: '{value}' and '{chinese[key]}' use different placeholders");
        }
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EnglishCountsNeverFallBackToParenthesisedPlurals(string neutralFile)
    {
        var english = Read(Path.Combine(AppSourceDirectory(), neutralFile));

        Assert.DoesNotContain(english, entry => entry.Value.Contains("(s)", StringComparison.Ordinal) || entry.Value.Contains("(es)", StringComparison.Ordinal));
    }

    internal static string AppSourceDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesCockpit.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("SalesCockpit.sln not found above the test output"), "SalesCockpit");
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+[^}]*\}").Select(match => match.Value)];
}
