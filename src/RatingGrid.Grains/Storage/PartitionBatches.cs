namespace RatingGrid.Grains.Storage;

/// <summary>
/// Group commit for the rows of a partitioned table: a row written while its partition has a request
/// in flight joins the next request of that partition, with every other row that arrived meanwhile
/// (up to <see cref="MaxRows"/> rows and <see cref="MaxBytes"/> bytes). A row queued twice is sent
/// once, at its newest version, and both writers wait for that. Each request succeeds or fails as a
/// whole, and every writer waiting on it learns which.
/// </summary>
/// <remarks>
/// Requests are sent from the thread pool, never from a writer's own context: a writer is often a
/// grain, and one grain's scheduler must not carry other grains' rows.
/// </remarks>
internal sealed class PartitionBatches<T>(Func<string, IReadOnlyList<T>, Task> submit, Func<T, long> version, Func<T, int> size)
{
    /// <summary>The most rows of one partition Azure takes in one transaction.</summary>
    public const int MaxRows = 100;

    /// <summary>Below Azure's 4 MiB per transaction, leaving room for the request's own encoding.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, PartitionQueue<T>> _partitions = new(StringComparer.Ordinal);

    public Task WriteAsync(string partition, string row, T value)
    {
        Task done;
        bool start;
        lock (_lock)
        {
            // A partition has a queue exactly while its sender runs: the sender drops it once empty.
            start = !_partitions.TryGetValue(partition, out var queue);
            if (start)
            {
                _partitions[partition] = queue = new PartitionQueue<T>();
            }

            done = queue!.Add(row, value, version);
        }

        if (start)
        {
            _ = Task.Run(() => SendAsync(partition));
        }

        return done;
    }

    private async Task SendAsync(string partition)
    {
        while (true)
        {
            IReadOnlyList<QueuedRow<T>> rows;
            lock (_lock)
            {
                var queue = _partitions[partition];
                rows = queue.Take(MaxRows, MaxBytes, size);
                if (rows.Count == 0)
                {
                    _partitions.Remove(partition);
                    return;
                }
            }

            try
            {
                await submit(partition, [.. rows.Select(r => r.Value)]);
                foreach (var row in rows)
                {
                    row.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var row in rows)
                {
                    row.Done.TrySetException(ex);
                }
            }
        }
    }
}
