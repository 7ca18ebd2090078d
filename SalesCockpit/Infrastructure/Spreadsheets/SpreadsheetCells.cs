using System.Text;

namespace SalesCockpit.Infrastructure.Spreadsheets;

/// <summary>The text of spreadsheet cells as people type it: full-width digits, odd spaces, headers spelled many ways.</summary>
public static class SpreadsheetCells
{
    /// <summary>Full-width digits and ideographic spaces made ASCII, then trimmed; null for an empty cell.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            builder.Append(character switch
            {
                >= '０' and <= '９' => (char)('0' + (character - '０')),
                '\u3000' or '\u00A0' => ' ',
                _ => character,
            });
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>What two spellings of one word have in common: compatibility forms folded, no spaces, case ignored.</summary>
    public static string MatchKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var folded = value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var character in folded)
        {
            if (!char.IsWhiteSpace(character) && character is not '_' and not '-' and not '*')
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return builder.ToString();
    }
}
