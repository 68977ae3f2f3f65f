using System.Net;
using System.Text.RegularExpressions;

namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>
/// Signs a person in to the web app as its development sign-in form does (GET the form for its
/// antiforgery token, POST it), and answers the session's cookies as a Cookie header value.
/// </summary>
internal static partial class WebSessions
{
    public static async Task<string> SignInAsync(string pagesAddress, string name, CancellationToken cancel)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(pagesAddress) };
        var form = await http.GetStringAsync(new Uri("sign-in", UriKind.Relative), cancel);
        var antiforgery = AntiforgeryField().Match(form);
        if (!antiforgery.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token: is the web app using the development sign-in?");
        }

        using var content = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", WebUtility.HtmlDecode(antiforgery.Groups["value"].Value)),
            new("return", "/"), new("name", name), new("region", ""),
            new("scope", "ratinggrid.national"), new("scope", "ratinggrid.unpublished"),
        ]);
        using var signedIn = await http.PostAsync(new Uri("sign-in", UriKind.Relative), content, cancel);
        if (signedIn.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(new Uri(pagesAddress))["ratinggrid.session"] is null)
        {
            throw new InvalidOperationException($"The development sign-in answered {(int)signedIn.StatusCode} without a session.");
        }

        return cookies.GetCookieHeader(new Uri(pagesAddress));
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""(?<value>[^""]+)""")]
    private static partial Regex AntiforgeryField();
}
