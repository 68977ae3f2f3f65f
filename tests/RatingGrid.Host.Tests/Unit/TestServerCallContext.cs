using Grpc.Core;
using RatingGrid.Host.Access;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>
/// A server call context without a server (grpc-dotnet's test helper pattern), carrying the caller the
/// access interceptor would have admitted, so that services can be called directly.
/// </summary>
internal sealed class TestServerCallContext : ServerCallContext
{
    private readonly Metadata _requestHeaders;
    private readonly CancellationToken _cancellationToken;
    private readonly Metadata _responseTrailers = [];
    private readonly Dictionary<object, object> _userState = [];

    private readonly string _method;

    private TestServerCallContext(Metadata requestHeaders, string method, CancellationToken cancellationToken)
    {
        _requestHeaders = requestHeaders;
        _cancellationToken = cancellationToken;
        _method = method;
    }

    public Metadata? ResponseHeaders { get; private set; }

    protected override string MethodCore => _method;

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:50000";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override IDictionary<object, object> UserStateCore => _userState;

    /// <summary>A call by <paramref name="caller"/> (by default one holding every scope in every region) to <paramref name="method"/>, for as long as the test runs.</summary>
    public static TestServerCallContext Create(Caller? caller = null, string method = "/ratinggrid.v1.Test/Method") => For(caller, method, TestContext.Current.CancellationToken);

    /// <summary>A call its client has already cancelled.</summary>
    public static TestServerCallContext Cancelled() => For(null, "/ratinggrid.v1.Test/Method", new CancellationToken(canceled: true));

    private static TestServerCallContext For(Caller? caller, string method, CancellationToken cancellationToken)
    {
        var context = new TestServerCallContext([], method, cancellationToken);
        context.SetCaller(caller ?? Callers.Everything("tester"));
        return context;
    }

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        ResponseHeaders = responseHeaders;
        return Task.CompletedTask;
    }
}
