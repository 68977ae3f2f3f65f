namespace RatingGrid.Grains.Storage;

/// <summary>The rows of one partition waiting for its next request, in the order first written; one entry per row.</summary>
internal sealed class PartitionQueue<T>
{
    private readonly List<QueuedRow<T>> _rows = [];
    private readonly Dictionary<string, QueuedRow<T>> _byKey = new(StringComparer.Ordinal);

    /// <summary>Queues <paramref name="value"/>, or folds it into the row already queued, keeping the newer version.</summary>
    public Task Add(string row, T value, Func<T, long> version)
    {
        if (_byKey.TryGetValue(row, out var queued))
        {
            if (version(value) > version(queued.Value))
            {
                queued.Value = value;
            }

            return queued.Done.Task;
        }

        queued = new QueuedRow<T>(row, value);
        _rows.Add(queued);
        _byKey[row] = queued;
        return queued.Done.Task;
    }

    /// <summary>The next request's rows: the oldest first, at least one, within the limits.</summary>
    public IReadOnlyList<QueuedRow<T>> Take(int maxRows, int maxBytes, Func<T, int> size)
    {
        var (count, bytes) = (0, 0);
        while (count < _rows.Count && count < maxRows && (count == 0 || bytes + size(_rows[count].Value) <= maxBytes))
        {
            bytes += size(_rows[count].Value);
            count++;
        }

        var taken = _rows.GetRange(0, count);
        _rows.RemoveRange(0, count);
        foreach (var row in taken)
        {
            _byKey.Remove(row.Key);
        }

        return taken;
    }
}
