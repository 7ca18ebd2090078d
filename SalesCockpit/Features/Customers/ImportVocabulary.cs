using System.Collections.Frozen;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using SalesCockpit.Infrastructure.Spreadsheets;

namespace SalesCockpit.Features.Customers;

/// <summary>
/// The words people put in their spreadsheets: headers in either language and their common synonyms, enum values by
/// short or long label in either language, full-width digits and spaces.
/// </summary>
public static partial class ImportVocabulary
{
    public static readonly IReadOnlyList<string> Columns =
        ["Name", "Phone", "Region", "Industry", "SizeBand", "Stage", "Source", "ReferredBy", "Level", "ContactName", "ContactTitle", "ContactPhone", "ContactWeChatOrEmail", "ContactIsDecisionMaker", "Notes"];

    // Besides the column's own labels in both languages (Csv_<Column>) and its name.
    private static readonly Dictionary<string, string[]> HeaderSynonyms = new()
    {
        ["Name"] = ["公司", "公司名", "客户", "客户名称", "企业名称", "单位名称", "Company", "Company name", "Customer", "Customer name", "Account", "Account name"],
        ["Phone"] = ["公司电话", "联系电话", "座机", "Tel", "Telephone", "Phone number"],
        ["Region"] = ["区域", "城市", "所在地", "省市", "City", "Area", "Location"],
        ["Industry"] = ["所属行业", "Sector"],
        ["SizeBand"] = ["公司规模", "人员规模", "员工人数", "Company size", "Employees"],
        ["Stage"] = ["阶段", "企业阶段", "Development stage"],
        ["Source"] = ["客户来源", "线索来源", "Lead source"],
        ["ReferredBy"] = ["推荐人", "转介绍人", "Referrer"],
        ["Level"] = ["级别", "等级", "客户等级", "Tier", "Customer level"],
        ["ContactName"] = ["联系人姓名", "姓名", "Contact"],
        ["ContactTitle"] = ["职位", "职务", "Title", "Job title"],
        ["ContactPhone"] = ["手机", "联系人手机", "Mobile"],
        ["ContactWeChatOrEmail"] = ["微信", "邮箱", "微信或邮箱", "Email", "E-mail", "WeChat"],
        ["ContactIsDecisionMaker"] = ["决策人", "是否关键决策人", "Decision-maker"],
        ["Notes"] = ["说明", "备注信息", "Remarks", "Comment", "Comments"],
    };

    private static readonly ResourceManager Resources = new(typeof(CustomersText).FullName!, typeof(CustomersText).Assembly);

    private static readonly FrozenDictionary<string, string> ColumnByHeader = SpreadsheetWords.ByWord(Resources, Columns, "Csv_", HeaderSynonyms);

    private static readonly FrozenSet<string> YesWords = new[] { "1", "true", "y", "yes", "是", "对", "√", "✓" }
        .Concat(LabelsOf("Yes")).Select(SpreadsheetCells.MatchKey).ToFrozenSet();

    /// <summary>The text of a key in both languages.</summary>
    public static IEnumerable<string> LabelsOf(string key) => SpreadsheetWords.LabelsOf(Resources, key);

    /// <summary>A phone with every full-width character folded: "０５７４－８６１８" is "0574-8618".</summary>
    public static string? CleanPhone(string? value) => SpreadsheetCells.Clean(value)?.Normalize(NormalizationForm.FormKC);

    /// <summary>The import column a header cell names, or null.</summary>
    public static string? ColumnOf(string? header) =>
        header is null ? null : ColumnByHeader.GetValueOrDefault(SpreadsheetCells.MatchKey(header));

    public static bool IsYes(string? value) => value is not null && YesWords.Contains(SpreadsheetCells.MatchKey(value));

    /// <summary>Reads enum values of one kind by name, by long label ("中型（50–249人）") or short label ("中型", "Medium"), either language.</summary>
    public sealed class EnumWords<TEnum>
        where TEnum : struct, Enum
    {
        private readonly FrozenDictionary<string, TEnum> byWord;

        public EnumWords(string keyPrefix)
        {
            KeyPrefix = keyPrefix;
            var map = new Dictionary<string, TEnum>();
            foreach (var value in Enum.GetValues<TEnum>())
            {
                foreach (var label in LabelsOf(keyPrefix + value).Prepend(value.ToString()))
                {
                    foreach (var word in Spellings(label))
                    {
                        map.TryAdd(SpreadsheetCells.MatchKey(word), value);
                    }
                }
            }

            byWord = map.ToFrozenDictionary();
        }

        public string KeyPrefix { get; }

        /// <summary>The resource keys of the accepted values, for an error message in the reader's language.</summary>
        public IReadOnlyList<string> LabelKeys => [.. Enum.GetValues<TEnum>().Select(value => KeyPrefix + value)];

        public bool TryRead(string text, out TEnum value) => byWord.TryGetValue(SpreadsheetCells.MatchKey(text), out value);

        // "中型（50–249人）" is also "中型"; "陌拜/外呼" is also "陌拜" and "外呼"; "重点客户" is also "重点".
        private static IEnumerable<string> Spellings(string label)
        {
            var folded = label.Normalize(NormalizationForm.FormKC);
            yield return folded;
            var withoutNote = Parenthesised().Replace(folded, "").Trim();
            yield return withoutNote;
            foreach (var part in withoutNote.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return part;
            }

            foreach (var suffix in (string[])["客户", " account"])
            {
                if (withoutNote.Length > suffix.Length && withoutNote.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    yield return withoutNote[..^suffix.Length];
                }
            }
        }
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();
}
