using Grpc.Core;
using RatingGrid.Client.Connections;
using RatingGrid.Client.Watching;

namespace RatingGrid.Client.Tests;

/// <summary>A watch followed through breaks: resumed after the last version handed on, never a version twice or going back.</summary>
public sealed class ResumableWatchTests
{
    private static readonly Backoff Quick = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_break_it_resumes_from_the_last_version_and_hands_on_nothing_twice_or_older()
    {
        var calls = new Queue<(long[] Versions, RpcException? End)>([
            ([1, 2], Unavailable),
            ([2, 1, 3], new RpcException(new Status(StatusCode.Internal, "connection closed"))),
            ([4], null), // the service ended the watch (a host stopping): watch again
            ([5], Refused),
        ]);
        var asked = new List<long>();

        var seen = new List<long>();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var version in ResumableWatch.FollowAsync((after, _) => { asked.Add(after); return Call(calls.Dequeue()); }, v => v, backoff: Quick, cancellationToken: Cancel))
            {
                seen.Add(version);
            }
        });

        Assert.Equal([1, 2, 3, 4, 5], seen);
        Assert.Equal([0, 2, 3, 4], asked);
        Assert.Equal(StatusCode.PermissionDenied, ended.StatusCode);
    }

    [Fact]
    public async Task A_state_at_version_0_is_handed_on_once_however_often_the_watch_breaks()
    {
        var calls = new Queue<(long[] Versions, RpcException? End)>([([0], Unavailable), ([0], Unavailable), ([0, 7], Refused)]);
        var breaks = 0;

        var seen = new List<long>();
        await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var version in ResumableWatch.FollowAsync((_, _) => Call(calls.Dequeue()), v => v, backoff: Quick, broken: (_, _) => breaks++, cancellationToken: Cancel))
            {
                seen.Add(version);
            }
        });

        Assert.Equal([0, 7], seen);
        Assert.Equal(2, breaks);
    }

    private static RpcException Unavailable => new(new Status(StatusCode.Unavailable, "the host is stopping"));

    private static RpcException Refused => new(new Status(StatusCode.PermissionDenied, "not your region"));

    private static AsyncServerStreamingCall<long> Call((long[] Versions, RpcException? End) script) =>
        new(new ScriptedReader(script.Versions, script.End), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

    private sealed class ScriptedReader(long[] versions, RpcException? end) : IAsyncStreamReader<long>
    {
        private int _next = -1;

        public long Current => versions[_next];

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (++_next < versions.Length)
            {
                return Task.FromResult(true);
            }

            return end is null ? Task.FromResult(false) : Task.FromException<bool>(end);
        }
    }
}
