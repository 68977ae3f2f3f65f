namespace RatingGrid.Host.Benchmarks;

/// <summary>
/// What one timed pass cost besides its time: cores kept busy by Azurite and by this process
/// (client and hosts), the share of it spent paused for garbage collection, and the hosts'
/// inspection writes (their count and summed time) and standings requests.
/// </summary>
internal sealed record PassCost(double AzuriteCores, double OwnCores, double PausedShare, double Writes, double WriteMilliseconds, double StandingRequests);
