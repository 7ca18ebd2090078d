using System.Globalization;
using SalesCockpit.Infrastructure.Localization;

namespace SalesCockpit.Tests.Localization;

public class CulturesTests
{
    [Theory]
    [InlineData("en-US", "Needs confirmed, Budget known")]
    [InlineData("zh-CN", "Needs confirmed、Budget known")]
    public void AListIsJoinedWithTheLanguagesOwnSeparator(string culture, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(expected, Cultures.JoinList(["Needs confirmed", "Budget known"]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
