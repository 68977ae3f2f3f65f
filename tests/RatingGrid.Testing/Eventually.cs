namespace RatingGrid.Testing;

/// <summary>
/// For figures that settle behind acknowledgements (aggregation): read until the condition holds or
/// the deadline passes, and return the last value read, for the caller to assert on.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> holds, CancellationToken cancellationToken, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (holds(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50, cancellationToken); // polling pace, bounded by the deadline
        }
    }

    /// <summary>
    /// A read as a well-behaved client makes it: UNAVAILABLE (an inspection moving between servers
    /// after a silo's death) is retried, as the contract says is safe, until the deadline.
    /// </summary>
    public static async Task<T> Read<T>(Func<Task<T>> read, CancellationToken cancellationToken, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                return await read();
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken); // retry pace, bounded by the deadline
            }
        }
    }

    /// <summary>
    /// Polls <paramref name="address"/> until it answers a success (a process's readiness), the process
    /// gave up (<paramref name="gaveUp"/>, e.g. it exited) or the deadline passed; whether it answered.
    /// </summary>
    public static async Task<bool> AnswersOkAsync(Uri address, Func<bool> gaveUp, CancellationToken cancellationToken, int seconds = 60)
    {
        using var http = new HttpClient();
        return await Until(async () =>
        {
            try
            {
                return (await http.GetAsync(address, cancellationToken)).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, ok => ok || gaveUp(), cancellationToken, seconds);
    }
}
