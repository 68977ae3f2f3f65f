using System.Text;

namespace RatingGrid.Web.Live;

/// <summary>Writes server-sent events: each an id (the version, for the browser to resume from), an optional name, and HTML as data lines.</summary>
internal sealed class ServerSentEvents(HttpResponse response)
{
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // a proxy must pass each event on at once
        // After a break the browser reconnects by itself, after this long, sending the last id it saw.
        await response.WriteAsync("retry: 1000\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public async Task SendAsync(string? name, long? id, string html, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        if (name is not null)
        {
            text.Append("event: ").Append(name).Append('\n');
        }

        if (id is { } version)
        {
            text.Append("id: ").Append(version.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        foreach (var line in html.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        await response.WriteAsync(text.Append('\n').ToString(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>A comment: keeps proxies from closing a quiet stream.</summary>
    public async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        await response.WriteAsync(": still here\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
