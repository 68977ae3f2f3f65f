using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace RatingGrid.Host.Hosting;

/// <summary>
/// Serves the dashboard's own files (styles, scripts) as the Brotli copies its publish wrote beside
/// them, to browsers that accept it: GOV.UK Frontend's stylesheet is 136 kB plain, 13 kB compressed.
/// The framework's files (_framework) get the same from UseBlazorFrameworkFiles.
/// </summary>
internal sealed class PrecompressedFiles(string root) : IContentTypeProvider
{
    private const string Brotli = ".br";

    private readonly FileExtensionContentTypeProvider _types = new();

    public Task ServeAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value;
        if (HttpMethods.IsGet(context.Request.Method) && path is { Length: > 1 } && !path.StartsWith("/_framework/", StringComparison.Ordinal)
            && context.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.Ordinal)
            && File.Exists(Path.Combine(root, path.TrimStart('/') + Brotli)))
        {
            context.Request.Path = path + Brotli;
            context.Response.Headers.ContentEncoding = "br";
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        return next();
    }

    /// <summary>A compressed copy is typed as the file it compresses.</summary>
    public bool TryGetContentType(string subpath, out string contentType) =>
        _types.TryGetContentType(subpath.EndsWith(Brotli, StringComparison.Ordinal) ? subpath[..^Brotli.Length] : subpath, out contentType!);
}
