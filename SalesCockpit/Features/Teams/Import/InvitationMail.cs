using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SalesCockpit.Features.Teams.Import;

/// <summary>The "Smtp" settings; without a host, from address and port no invitation is mailed and links are only shown.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; }

    public string? From { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && Port > 0 && !string.IsNullOrWhiteSpace(From) && MailboxAddress.TryParse(From, out _);
}

/// <summary>Sends each new person their set-password link, in the admin's language, when SMTP is configured.</summary>
public sealed partial class InvitationMail(IOptions<SmtpOptions> options, IStringLocalizer<TeamsText> text, ILogger<InvitationMail> logger)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public MimeMessage Compose(ImportedPerson person, string invitedBy)
    {
        ArgumentNullException.ThrowIfNull(person);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From!));
        message.To.Add(new MailboxAddress(person.DisplayName, person.Email));
        message.Subject = text["Invitation_Subject"];
        message.Body = new TextPart("plain")
        {
            Text = text["Invitation_Body", person.DisplayName, invitedBy, person.SetPasswordLink, person.Email, SetPasswordLinks.Lifespan.Days.ToString(CultureInfo.CurrentCulture)],
        };
        return message;
    }

    /// <summary>The e-mail addresses that could not be reached; their links are still shown to the admin.</summary>
    public async Task<IReadOnlySet<string>> SendAsync(IReadOnlyList<ImportedPerson> people, string invitedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return people.Select(person => person.Email).ToHashSet();
        }

        var failed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptions.Auto, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }
        }
        catch (Exception failure) when (failure is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or SslHandshakeException or SmtpCommandException)
        {
            LogConnectFailed(logger, failure, smtp.Host!, smtp.Port);
            return people.Select(person => person.Email).ToHashSet();
        }

        foreach (var person in people)
        {
            try
            {
                await client.SendAsync(Compose(person, invitedBy), cancellationToken);
            }
            catch (Exception failure) when (failure is SmtpCommandException or SmtpProtocolException or IOException)
            {
                LogSendFailed(logger, failure, person.Email);
                failed.Add(person.Email);
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return failed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} refused the connection; no invitation was mailed")]
    private static partial void LogConnectFailed(ILogger logger, Exception failure, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The invitation to {Email} was not sent")]
    private static partial void LogSendFailed(ILogger logger, Exception failure, string email);
}
