using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;
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

    [Fact]
    public async Task EachNewPersonReceivesTheirOwnLinkFromARealSmtpServer()
    {
        using var server = SimpleSmtpServer.Start();
        var other = Person with { UserId = "u2", DisplayName = "王芳", Email = "wang.fang@example.com", SetPasswordLink = "https://cockpit.example.com/account/set-password?user=u2&token=xyz" };
        var mail = Mail(new SmtpOptions { Host = "127.0.0.1", Port = server.Configuration.Port, From = "SalesCockpit <cockpit@example.com>" });

        var notMailed = await mail.SendAsync([Person, other], "Admin");

        Assert.Empty(notMailed);
        Assert.Equal(2, server.ReceivedEmailCount);
        var received = server.ReceivedEmail.Select(email => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(email.Data)))).ToList();
        foreach (var person in new[] { Person, other })
        {
            var message = Assert.Single(received, message => message.To.Mailboxes.Single().Address == person.Email);
            Assert.Contains(person.SetPasswordLink, message.TextBody, StringComparison.Ordinal);
            Assert.Contains(person.DisplayName, message.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WhenTheSmtpServerCannotBeReachedEveryoneIsReportedNotMailed()
    {
        int port;
        using (var stopped = SimpleSmtpServer.Start())
        {
            port = stopped.Configuration.Port;
            stopped.Stop();
        }

        var notMailed = await Mail(new SmtpOptions { Host = "127.0.0.1", Port = port, From = "cockpit@example.com" }).SendAsync([Person], "Admin");

        Assert.Equal(["li.na@example.com"], notMailed);
    }
}
