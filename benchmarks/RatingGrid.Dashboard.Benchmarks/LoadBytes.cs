namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>One load's responses: how many, the bytes on the wire (bodies as sent, and headers), each path's bytes (largest first) and the encodings used.</summary>
internal sealed record LoadBytes(int Responses, long WireBytes, IReadOnlyList<(string Path, long Bytes)> Paths, IReadOnlyList<string> Encodings);
