using Azure;
using Microsoft.Extensions.Options;
using RatingGrid.Grains.Abstractions.Errors;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// Runs every storage call within the time budget (<see cref="StorageOptions.OperationTimeout"/>),
/// turns a storage that does not answer into <see cref="StorageUnavailableException"/> (retryable),
/// and tells <see cref="StorageHealth"/> how each call went.
/// </summary>
public sealed class StorageCalls(IOptions<StorageOptions> options, StorageHealth health, TimeProvider time)
{
    public TimeSpan Budget => options.Value.OperationTimeout;

    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        using var budget = new CancellationTokenSource(Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            var result = await call(linked.Token);
            health.Succeeded();
            return result;
        }
        catch (JournalConflictException)
        {
            health.Succeeded(); // storage answered: someone else wrote first
            throw;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsUnavailable(ex, budget.IsCancellationRequested))
        {
            health.Failed(ex);
            throw new StorageUnavailableException(
                budget.IsCancellationRequested
                    ? $"Storage did not {what} within the {Budget.TotalSeconds:0.#} s budget (Storage:OperationTimeoutSeconds); nothing was acknowledged and a retry is safe."
                    : $"Storage could not {what} ({Describe(ex)}); nothing was acknowledged and a retry is safe.",
                ex);
        }
    }

    public Task RunAsync(string what, Func<CancellationToken, Task> call, CancellationToken cancellationToken = default) =>
        RunAsync<bool>(what, async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken);

    // A storage that is down, slow, throttling or refusing: anything but a bug of ours.
    private static bool IsUnavailable(Exception ex, bool outOfTime) =>
        outOfTime || ex is RequestFailedException or HttpRequestException or IOException or TimeoutException or AggregateException { InnerException: RequestFailedException };

    private static string Describe(Exception ex) => ex is RequestFailedException { Status: > 0 } failed ? $"{failed.Status} {failed.ErrorCode}" : ex.GetType().Name;
}
