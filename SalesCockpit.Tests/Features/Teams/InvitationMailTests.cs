using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCockpit.Features.Teams;
using SalesCockpit.Features.Teams.Import;

namespace SalesCockpit.Tests.Features.Teams;

public sealed class InvitationMailTests
{
    private static readonly ImportedPerson Person = new("u1", "Li Na", "li.na@example.com", Roles.Rep, "https://cockpit.example.com/account/set-password?user=u1&token=abc%2B%2F%3D");

    private static InvitationMail Mail(SmtpOptions options) => new(
        Options.Create(options),
        new StringLocalizer<TeamsText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)),
        NullLogger<InvitationMail>.Instance);

    [Fact]
    public void SmtpSettingsWithoutAHostAreNotConfigured()
    {
        var mail = Mail(new SmtpOptions { Port = 25, From = "cockpit@example.com" });

        Assert.False(mail.IsConfigured);
    }

    [Fact]
    public async Task WithoutSmtpSettingsEveryoneIsReportedNotMailed()
    {
        var notMailed = await Mail(new SmtpOptions()).SendAsync([Person], "Admin");

        Assert.Equal(["li.na@example.com"], notMailed);
    }

    [Fact]
    public void TheInvitationCarriesTheExactLinkInTheAdminsLanguage()
    {
        var mail = Mail(new SmtpOptions { Host = "smtp.example.com", Port = 587, From = "SalesCockpit <cockpit@example.com>" });
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            var chinese = mail.Compose(Person, "王管理员");
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            var english = mail.Compose(Person, "Admin");

            Assert.True(mail.IsConfigured);
            Assert.Equal("li.na@example.com", Assert.Single(english.To.Mailboxes).Address);
            Assert.Equal("cockpit@example.com", Assert.Single(english.From.Mailboxes).Address);
            Assert.Contains(Person.SetPasswordLink, english.TextBody, StringComparison.Ordinal);
            Assert.Contains("choose a password", english.Subject, StringComparison.Ordinal);
            Assert.Contains(Person.SetPasswordLink, chinese.TextBody, StringComparison.Ordinal);
            Assert.Contains("王管理员", chinese.TextBody, StringComparison.Ordinal);
            Assert.Contains("设置密码", chinese.Subject, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
