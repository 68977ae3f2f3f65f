using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.State;

/// <summary>
/// What storage holds for one inspection. Case revisions live in an append-only journal (the audit
/// trail); the latest revision of each case is its current judgement, so the journal is the only copy
/// of the case data. Each commit appends one segment, so writing the state costs a copy of bytes
/// rather than a walk over every revision ever recorded.
/// </summary>
/// <remarks>Mutable on purpose: the grain changes it in place and writes it whole.</remarks>
[GenerateSerializer, Alias("RatingGrid.InspectionState.v1")]
public sealed class InspectionState
{
    [Id(0)]
    public InspectionDetails? Details { get; set; }

    [Id(1)]
    public bool IsClosed { get; set; }

    /// <summary>Goes up by one with every change that took effect.</summary>
    [Id(2)]
    public long Version { get; set; }

    [Id(3)]
    public DateTimeOffset LastChangedAt { get; set; }

    /// <summary>Journal segments in order; see <see cref="Journal"/> for the format.</summary>
    [Id(4)]
    public List<byte[]> Journal { get; set; } = [];

    [Id(5)]
    public Dictionary<string, JudgedRatingRecord> JudgedRatings { get; set; } = [];
}
