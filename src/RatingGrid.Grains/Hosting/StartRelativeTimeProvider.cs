namespace RatingGrid.Grains.Hosting;

/// <summary>
/// The system clock with timestamps counted from this clock's creation rather than the machine's
/// boot; Orleans' membership services (the silo watchdog among them) use it.
/// </summary>
/// <remarks>
/// Orleans' <c>Watchdog.Start</c> (10.4) starts its platform thread before it first stamps the
/// component check, so the thread's first look can measure from timestamp 0: on a machine that has
/// been up for hours, every healthy start logged "Participant check thread has not completed for
/// [the machine's uptime]". Counted from just before the silo starts, that first reading is
/// milliseconds. Membership only ever asks for elapsed times, which are unchanged.
/// </remarks>
internal sealed class StartRelativeTimeProvider : TimeProvider
{
    private readonly long _origin = System.GetTimestamp();

    public override long GetTimestamp() => System.GetTimestamp() - _origin;
}
