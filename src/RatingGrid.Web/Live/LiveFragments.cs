using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;

namespace RatingGrid.Web.Live;

/// <summary>
/// Renders a page's live part to HTML outside a page, the same component the page itself renders,
/// for each newer version a watch brings. The HTML is a function of the answers it is rendered
/// from, so pages that were answered alike (one inspection's watchers, one region's) share one
/// rendering per version instead of queueing a rendering each on the renderer's one dispatcher.
/// </summary>
internal sealed class LiveFragments(HtmlRenderer renderer) : IDisposable
{
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = 512 });

    /// <summary>Renders <typeparamref name="TComponent"/> with <paramref name="parameters"/>, which hold exactly <paramref name="answers"/> (and <paramref name="also"/>).</summary>
    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters, IEnumerable<IMessage?> answers, string also = "")
        where TComponent : IComponent
    {
        var key = Key<TComponent>(answers, also);
        return _rendered.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(1);
            return new Lazy<Task<string>>(() => RenderAsync<TComponent>(parameters));
        })!.Value;
    }

    /// <summary>Renders without sharing: for what is rendered once (a problem).</summary>
    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent =>
        renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());

    public void Dispose() => _rendered.Dispose();

    private static string Key<TComponent>(IEnumerable<IMessage?> answers, string also)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var answer in answers)
        {
            hash.AppendData(answer is null ? [0] : answer.ToByteArray());
            hash.AppendData([0xFF]);
        }

        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(also));
        return typeof(TComponent).Name + ":" + Convert.ToHexString(hash.GetHashAndReset());
    }
}
