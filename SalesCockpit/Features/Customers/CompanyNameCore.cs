using System.Text;

namespace SalesCockpit.Features.Customers;

/// <summary>
/// The core of a company name, for near matches that a rep confirms: "苏州瑞丰融资租赁", "瑞丰融资租赁（苏州）有限公司" and
/// "苏州瑞丰" all come down to 瑞丰…. On top of <see cref="CustomerNames.Normalize"/> it drops a region in brackets, a region
/// before or after the name (苏州, 上海市, 江苏省…) and what is left of a legal form (股份, 集团…).
/// </summary>
public static class CompanyNameCore
{
    /// <summary>Shorter cores match too much to be worth showing.</summary>
    public const int MinLength = 2;

    private static readonly string[] Regions =
    [
        "北京", "上海", "天津", "重庆", "香港", "澳门", "台湾",
        "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南",
        "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏", "新疆",
        "苏州", "无锡", "常州", "南京", "南通", "徐州", "扬州", "镇江", "昆山", "杭州", "宁波", "温州", "绍兴", "嘉兴", "金华", "台州",
        "广州", "深圳", "东莞", "佛山", "珠海", "中山", "惠州", "厦门", "福州", "泉州", "合肥", "芜湖", "济南", "青岛", "烟台", "潍坊",
        "郑州", "洛阳", "武汉", "长沙", "南昌", "成都", "西安", "昆明", "贵阳", "南宁", "海口", "兰州", "西宁", "银川", "拉萨",
        "乌鲁木齐", "呼和浩特", "石家庄", "太原", "沈阳", "大连", "长春", "哈尔滨",
    ];

    // The region words as written after the name (市, 省, 自治区 …) are part of the region.
    private static readonly string[] RegionSuffixes = ["特别行政区", "自治区", "省", "市"];

    // Each region as written, with its suffixes first: built once, since every name is checked against all of them.
    private static readonly string[] WrittenRegions = [.. Regions.SelectMany(region => RegionSuffixes.Select(suffix => region + suffix).Append(region))];

    private static readonly string[] LegalLeftovers = ["股份", "集团", "控股", "有限"];

    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var core = CustomerNames.Normalize(WithoutBracketedRegions(name));
        var changed = true;
        while (changed)
        {
            changed = false;
            if (StripRegion(core, atStart: true) is { } withoutPrefix)
            {
                (core, changed) = (withoutPrefix, true);
            }

            if (StripRegion(core, atStart: false) is { } withoutSuffix)
            {
                (core, changed) = (withoutSuffix, true);
            }

            foreach (var leftover in LegalLeftovers)
            {
                if (core.Length - leftover.Length >= MinLength && core.EndsWith(leftover, StringComparison.Ordinal))
                {
                    (core, changed) = (CustomerNames.Normalize(core[..^leftover.Length]), true);
                }
            }
        }

        return core;
    }

    /// <summary>Worth asking the rep: the same core, or one name containing the other's core.</summary>
    public static bool IsNear(string core, string otherCore)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(otherCore);
        return core.Length >= MinLength && otherCore.Length >= MinLength
            && (core.Contains(otherCore, StringComparison.Ordinal) || otherCore.Contains(core, StringComparison.Ordinal));
    }

    /// <summary>Every part of <paramref name="core"/> that another customer's core could be (for an indexed lookup).</summary>
    public static IReadOnlyList<string> Parts(string core)
    {
        ArgumentNullException.ThrowIfNull(core);
        var parts = new HashSet<string>(StringComparer.Ordinal);
        for (var length = MinLength; length <= core.Length; length++)
        {
            for (var start = 0; start + length <= core.Length; start++)
            {
                parts.Add(core.Substring(start, length));
            }
        }

        return [.. parts];
    }

    private static string WithoutBracketedRegions(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(folded.Length);
        var index = 0;
        while (index < folded.Length)
        {
            var open = folded.IndexOfAny(['(', '['], index);
            var close = open < 0 ? -1 : folded.IndexOfAny([')', ']'], open + 1);
            if (open < 0 || close < 0)
            {
                result.Append(folded, index, folded.Length - index);
                break;
            }

            result.Append(folded, index, open - index);
            var inside = folded[(open + 1)..close].Trim();
            if (!IsRegion(inside))
            {
                result.Append(' ').Append(inside).Append(' ');
            }

            index = close + 1;
        }

        return result.ToString();
    }

    private static bool IsRegion(string text)
    {
        foreach (var suffix in RegionSuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length];
                break;
            }
        }

        return Regions.Contains(text, StringComparer.Ordinal);
    }

    private static string? StripRegion(string core, bool atStart)
    {
        foreach (var written in WrittenRegions)
        {
            var found = atStart ? core.StartsWith(written, StringComparison.Ordinal) : core.EndsWith(written, StringComparison.Ordinal);
            if (found && core.Length - written.Length >= MinLength)
            {
                return atStart ? core[written.Length..] : core[..^written.Length];
            }
        }

        return null;
    }
}
