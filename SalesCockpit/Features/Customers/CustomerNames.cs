using System.Text;

namespace SalesCockpit.Features.Customers;

/// <summary>
/// How two customer names or phones are recognised as the same: width (全角/半角), case, spacing, punctuation and
/// legal suffixes (有限公司, Co., Ltd. ...) do not count.
/// </summary>
public static class CustomerNames
{
    private static readonly HashSet<string> LatinSuffixes =
        ["co", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "plc", "gmbh", "company", "group"];

    // Longest first: 股份有限公司 must go before 有限公司 and 公司.
    private static readonly string[] ChineseSuffixes =
        ["股份有限公司", "有限责任公司", "集团有限公司", "集团股份公司", "有限公司", "集团公司", "分公司", "公司", "集团"];

    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        List<string> tokens = [];
        var token = new StringBuilder();
        foreach (var character in folded)
        {
            if (char.IsLetterOrDigit(character))
            {
                token.Append(character);
            }
            else if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }

        if (token.Length > 0)
        {
            tokens.Add(token.ToString());
        }

        while (tokens.Count > 1 && LatinSuffixes.Contains(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        var joined = string.Concat(tokens);
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var suffix in ChineseSuffixes)
            {
                if (joined.Length > suffix.Length && joined.EndsWith(suffix, StringComparison.Ordinal))
                {
                    joined = joined[..^suffix.Length];
                    stripped = true;
                    break;
                }
            }
        }

        return joined;
    }

    /// <summary>Digits only, without China's country prefix (+86 / 0086); null when too short to identify anyone.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string([.. phone.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit)]);
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits.Length >= 5 ? digits : null;
    }
}
