using Microsoft.Extensions.Localization;

namespace SalesCockpit.Infrastructure.Spreadsheets;

/// <summary>Marker for why <see cref="ImportFile"/> cannot read a file (SpreadsheetText.resx): the same words whatever is imported.</summary>
public sealed class SpreadsheetText;

public static class SpreadsheetTextExtensions
{
    /// <summary>A refused file's reason: the file's own (<see cref="SpreadsheetText"/>) or the importing feature's (an empty file, a missing column).</summary>
    public static string FileError(this IStringLocalizer<SpreadsheetText> fileText, IStringLocalizer featureText, string key, IReadOnlyList<object>? arguments)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        ArgumentNullException.ThrowIfNull(featureText);
        object[] values = [.. arguments ?? []];
        var text = fileText[key, values];
        return text.ResourceNotFound ? featureText[key, values] : text;
    }
}
