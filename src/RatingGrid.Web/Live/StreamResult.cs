namespace RatingGrid.Web.Live;

/// <summary>A result that writes its response body itself, for as long as it lasts.</summary>
internal static class StreamResult
{
    public static IResult Stream(this IResultExtensions _, Func<CancellationToken, Task> write, CancellationToken cancel) => new Streamed(write, cancel);

    private sealed class Streamed(Func<CancellationToken, Task> write, CancellationToken cancel) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => write(cancel);
    }
}
