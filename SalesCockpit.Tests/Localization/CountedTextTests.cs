using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCockpit.Features.Customers;

namespace SalesCockpit.Tests.Localization;

/// <summary>Issue 22: "claimed 1 customers". English counts say "1 customer" and "2 customers"; Chinese has one form.</summary>
public sealed class CountedTextTests
{
    private readonly IStringLocalizer localizer =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(CustomersText));

    [Theory]
    [InlineData("en-US", 1, "You have claimed 1 customer today, the team's daily limit. Try again tomorrow.")]
    [InlineData("en-US", 2, "You have claimed 2 customers today, the team's daily limit. Try again tomorrow.")]
    [InlineData("zh-CN", 1, "你今天已认领 1 个客户，达到团队每日上限。请明天再试。")]
    [InlineData("zh-CN", 3, "你今天已认领 3 个客户，达到团队每日上限。请明天再试。")]
    public void APoolRuleWithACountSpeaksOfOneCustomerOrOfSeveral(string culture, int limit, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, new PoolRuleException("Claim_DailyLimit", limit).MessageIn(localizer).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void EverySingularHasItsPluralAndBothLanguagesHaveIt()
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var singulars = english.Where(key => key.EndsWith("_One", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(singulars);
        Assert.All(singulars, key => Assert.Contains(key[..^"_One".Length], english));
        Assert.Subset(Keys(CultureInfo.GetCultureInfo("zh-CN")), new HashSet<string>(singulars));
    }

    private HashSet<string> Keys(CultureInfo culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return [.. localizer.GetAllStrings(includeParentCultures: false).Select(entry => entry.Name)];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
