using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Published;

/// <summary>One entry of a published-record file: the request it makes, or why it is refused (each problem naming the entry's index and field).</summary>
internal sealed record PublishedEntry(int Index, string Pdu, RecordPublishedInspectionRequest? Request, IReadOnlyList<string> Problems);
