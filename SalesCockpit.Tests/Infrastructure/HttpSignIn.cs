using System.Net;
using System.Text.RegularExpressions;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Tests.Infrastructure;

public static partial class HttpSignIn
{
    /// <summary>Posts the sign-in form as a browser would (antiforgery token included); returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoSeeder.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
