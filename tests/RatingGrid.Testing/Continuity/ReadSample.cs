using Grpc.Core;

namespace RatingGrid.Testing.Continuity;

/// <summary>
/// One read as its caller met it: through which host, which rpc, when (from the run's start), how
/// long it took, its status, the version of the figures it answered with and, when the answer said
/// they may be behind, for how long they may have been by then.
/// </summary>
public sealed record ReadSample(string Host, string Rpc, TimeSpan At, TimeSpan Took, StatusCode Status, long Version, TimeSpan? Behind, string Detail)
{
    public bool Failed => Status != StatusCode.OK;
}
