using Microsoft.AspNetCore.Components;

namespace RatingGrid.Dashboard.SignIn;

/// <summary>
/// Where the sign-in sends a person afterwards: the page they asked for, if it is within this
/// dashboard; otherwise the start page. A crafted ?return= ("//elsewhere", "\\elsewhere",
/// "https://elsewhere") cannot send a signed-in person to another site.
/// </summary>
public static class ReturnAddress
{
    public static string Within(NavigationManager navigation, string? requested)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (string.IsNullOrWhiteSpace(requested))
        {
            return "";
        }

        try
        {
            var target = navigation.ToAbsoluteUri(requested);
            var home = new Uri(navigation.BaseUri);
            return target.Scheme == home.Scheme && target.Authority == home.Authority && target.AbsolutePath.StartsWith(home.AbsolutePath, StringComparison.Ordinal)
                ? navigation.ToBaseRelativePath(target.AbsoluteUri)
                : "";
        }
        catch (UriFormatException)
        {
            return "";
        }
    }
}
