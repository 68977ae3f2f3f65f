namespace RatingGrid.Web.Reading;

/// <summary>
/// Carries a page's "there is no such thing" to the not-found page that is rendered in its place.
/// </summary>
/// <remarks>
/// When a page answers 404, Blazor's static rendering drops the page's own body and the status code
/// pages render /not-found for the same request (same <see cref="HttpContext"/>, new scope), so what
/// the service said is missing would otherwise be lost to a generic "page not found".
/// </remarks>
public static class NotFoundProblem
{
    private static readonly object Key = new();

    public static void Keep(HttpContext context, Problem problem) => context.Items[Key] = problem;

    public static Problem? Find(HttpContext? context) => context?.Items[Key] as Problem;
}
