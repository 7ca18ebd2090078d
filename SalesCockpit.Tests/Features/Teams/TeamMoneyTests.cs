using System.Globalization;
using SalesCockpit.Features.Teams;

namespace SalesCockpit.Tests.Features.Teams;

public class TeamMoneyTests
{
    [Theory]
    [InlineData("en-US", "CNY", "¥960,000")]
    [InlineData("zh-CN", "CNY", "¥960,000")]
    [InlineData("en-US", "USD", "$960,000")]
    [InlineData("zh-CN", "USD", "$960,000")]
    [InlineData("en-US", "EUR", "€960,000")]
    public void AnAmountReadsInTheTeamsCurrencyWhateverTheViewersLanguage(string culture, string currency, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(expected, TeamMoney.Format(960_000m, currency));
            Assert.Equal(expected, TeamMoney.FormatCents(960_000_00, currency));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void TheCurrencyListHoldsIsoCodesOnly()
    {
        Assert.NotEmpty(TeamMoney.Currencies);
        Assert.Contains("CNY", TeamMoney.Currencies);
        Assert.Contains("USD", TeamMoney.Currencies);
        Assert.All(TeamMoney.Currencies, code => Assert.Matches("^[A-Z]{3}$", code));
        Assert.False(TeamMoney.IsKnown("XYZ"));
        Assert.False(TeamMoney.IsKnown(null));
    }
}
