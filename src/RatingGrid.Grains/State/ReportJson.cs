using System.Text.Json;
using RatingGrid.Domain.Records;

namespace RatingGrid.Grains.State;

/// <summary>
/// A published report as journals and snapshots keep it: JSON, since a record is written once, is
/// small and is read rarely, and its fields may grow (unknown members are skipped when read).
/// </summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(PublishedReport report) => JsonSerializer.Serialize(report, Options);

    public static PublishedReport Read(string json) =>
        JsonSerializer.Deserialize<PublishedReport>(json, Options) ?? throw new InvalidDataException("A journal holds an empty published report.");
}
