using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace RatingGrid.Host.Hosting;

/// <summary>
/// Serves the dashboard's own files (styles, scripts) as the Brotli or gzip copies its publish wrote
/// beside them, to browsers that accept one (browsers offer Brotli over HTTPS only): GOV.UK
/// Frontend's stylesheet is 136 kB plain, 13 kB as Brotli, 16 kB as gzip. The framework's files
/// (_framework) get the same from UseBlazorFrameworkFiles.
/// </summary>
internal sealed class PrecompressedFiles(string root) : IContentTypeProvider
{
    private static readonly (string Encoding, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    private readonly FileExtensionContentTypeProvider _types = new();

    public Task ServeAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value;
        if (HttpMethods.IsGet(context.Request.Method) && path is { Length: > 1 } && !path.StartsWith("/_framework/", StringComparison.Ordinal))
        {
            var accepted = context.Request.Headers.AcceptEncoding.ToString();
            foreach (var (encoding, extension) in Encodings)
            {
                if (accepted.Contains(encoding, StringComparison.Ordinal) && File.Exists(Path.Combine(root, path.TrimStart('/') + extension)))
                {
                    context.Request.Path = path + extension;
                    context.Response.Headers.ContentEncoding = encoding;
                    context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                    break;
                }
            }
        }

        return next();
    }

    /// <summary>A compressed copy is typed as the file it compresses.</summary>
    public bool TryGetContentType(string subpath, out string contentType)
    {
        var plain = Encodings.FirstOrDefault(e => subpath.EndsWith(e.Extension, StringComparison.Ordinal)) is { Extension: { } extension } ? subpath[..^extension.Length] : subpath;
        return _types.TryGetContentType(plain, out contentType!);
    }
}
