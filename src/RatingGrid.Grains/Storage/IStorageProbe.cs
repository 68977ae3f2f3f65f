namespace RatingGrid.Grains.Storage;

/// <summary>The cheapest call that proves storage answers.</summary>
public interface IStorageProbe
{
    Task CheckAsync(CancellationToken cancellationToken);
}
