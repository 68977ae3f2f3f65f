namespace RatingGrid.Grains.State;

/// <summary>What one write stores: the next journal record and, when the tail has grown enough, the snapshot that follows it.</summary>
/// <param name="Judgements">Judgements the record holds, for the bytes-per-judgement metric.</param>
internal sealed record PendingWrite(byte[] Record, byte[]? Snapshot, int Judgements);
