using System.Net;
using System.Text.RegularExpressions;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

public static partial class HttpSignIn
{
    /// <summary>Posts the sign-in form as a browser would (antiforgery token included); returns the response.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoSeeder.DemoPassword) =>
        client.PostFormAsync(new Uri("/account/login", UriKind.Relative), "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Opens a page with a server-rendered form and posts it as a browser would (its handler name and antiforgery token included).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, Uri page, string handler, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var form = await client.GetStringAsync(page);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        return await client.PostAsync(page, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
