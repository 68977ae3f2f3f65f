using System.ComponentModel.DataAnnotations;

namespace RatingGrid.Host.Configuration;

/// <summary>Request limits (section <c>Limits</c>); exceeding one is refused with a status naming it.</summary>
public sealed class LimitSettings
{
    public const string Section = "Limits";

    /// <summary>Largest gRPC message accepted, in bytes.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    [Range(1, 100_000)]
    public int MaxJudgementsPerBatch { get; set; } = 1_000;

    /// <summary>Longest id (inspection, PDU, case, actor, key question, standard), in characters.</summary>
    [Range(8, 4096)]
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Longest free text (names, rationales, trait values), in characters.</summary>
    [Range(16, 100_000)]
    public int MaxTextLength { get; set; } = 2_000;

    [Range(1, 10_000_000)]
    public int MaxCasesPerInspection { get; set; } = 10_000;

    /// <summary>Batches one judgement stream may have in flight before the server stops reading.</summary>
    [Range(1, 10_000)]
    public int MaxBatchesInFlightPerStream { get; set; } = 64;

    /// <summary>Streaming calls one caller (token subject, else address) may have open at once; a dashboard backend's watches are one caller's.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentStreamsPerClient { get; set; } = 1_000;

    /// <summary>HTTP/2 streams (calls) one connection may have open at once (Kestrel's limit).</summary>
    [Range(1, 100_000)]
    public int MaxStreamsPerConnection { get; set; } = 1_000;

    /// <summary>How long a watch may wait for its reader to take one message before its stream alone is reset.</summary>
    [Range(1, 3_600)]
    public int WatchWriteTimeoutSeconds { get; set; } = 30;

    /// <summary>Calls per second one caller may make, each message on a stream counting as one.</summary>
    [Range(1, 10_000_000)]
    public int RequestsPerSecondPerClient { get; set; } = 10_000;

    /// <summary>How many calls a caller may make at once above its rate before being throttled.</summary>
    [Range(1, 10_000_000)]
    public int RequestBurstPerClient { get; set; } = 10_000;
}
