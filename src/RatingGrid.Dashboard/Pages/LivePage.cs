using Microsoft.AspNetCore.Components;

namespace RatingGrid.Dashboard.Pages;

/// <summary>
/// A page that reads and follows the service: its work stops when the page's address changes
/// (<see cref="RestartAsync"/>) or the page closes, and each change it shows re-renders it.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private CancellationTokenSource _stop = new();

    /// <summary>Cancelled when the page moves to another address or closes.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>Stops what the page was doing for its previous address; returns the token for the new one.</summary>
    protected async Task<CancellationToken> RestartAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        return _stop.Token;
    }

    /// <summary>Makes a change to what the page shows, from any thread, and renders it.</summary>
    protected Task Show(Action change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change();
        return InvokeAsync(StateHasChanged);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
