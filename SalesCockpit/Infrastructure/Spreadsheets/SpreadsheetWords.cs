using System.Collections.Frozen;
using System.Globalization;
using System.Resources;

namespace SalesCockpit.Infrastructure.Spreadsheets;

/// <summary>The words an importing feature recognises in a file: its own labels in both languages, each value's name and synonyms.</summary>
public static class SpreadsheetWords
{
    private static readonly CultureInfo[] LabelCultures = [CultureInfo.InvariantCulture, new("zh-CN")];

    /// <summary>The text of a key in both languages.</summary>
    public static IEnumerable<string> LabelsOf(ResourceManager resources, string key)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return LabelCultures.Select(culture => resources.GetString(key, culture)).OfType<string>().Distinct();
    }

    /// <summary>
    /// Each value by its labels (<paramref name="keyPrefix"/> + value) in both languages, its name and its synonyms, compared by
    /// <see cref="SpreadsheetCells.MatchKey"/>; a word two values claim belongs to the first.
    /// </summary>
    public static FrozenDictionary<string, string> ByWord(
        ResourceManager resources, IEnumerable<string> values, string keyPrefix, IReadOnlyDictionary<string, string[]> synonyms)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(synonyms);
        var map = new Dictionary<string, string>();
        foreach (var value in values)
        {
            foreach (var word in LabelsOf(resources, keyPrefix + value).Append(value).Concat(synonyms[value]))
            {
                map.TryAdd(SpreadsheetCells.MatchKey(word), value);
            }
        }

        return map.ToFrozenDictionary();
    }
}
