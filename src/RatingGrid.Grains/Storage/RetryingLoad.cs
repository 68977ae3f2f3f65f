namespace RatingGrid.Grains.Storage;

/// <summary>
/// Loads once, on first need, for every caller at once; a load that failed is tried again by the
/// next caller instead of leaving the activation broken.
/// </summary>
/// <remarks>Used from one grain activation only, so it needs no locks.</remarks>
internal sealed class RetryingLoad(Func<Task> load)
{
    private Task? _loading;

    public async Task EnsureAsync()
    {
        var loading = _loading ??= load();
        try
        {
            await loading;
        }
        catch
        {
            if (ReferenceEquals(_loading, loading))
            {
                _loading = null;
            }

            throw;
        }
    }
}
