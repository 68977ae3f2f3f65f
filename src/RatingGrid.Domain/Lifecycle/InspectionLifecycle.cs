namespace RatingGrid.Domain.Lifecycle;

/// <summary>
/// Which moves an inspection may make: open -> closed -> embargoed -> published, back from closed
/// or embargoed to open (reopened, embargo lifted), and from published only by a correction with a
/// reason, which opens it again; an embargo may be moved to another time. Anything else is refused
/// with what is allowed instead.
/// </summary>
public static class InspectionLifecycle
{
    /// <summary>Null when <paramref name="from"/> may move to <paramref name="to"/>; otherwise why not, in words a caller can act on.</summary>
    public static string? Refusal(InspectionStatus from, InspectionStatus to, bool correcting = false) => (from, to) switch
    {
        (InspectionStatus.Open, InspectionStatus.Closed) => null,
        (InspectionStatus.Closed or InspectionStatus.Embargoed, InspectionStatus.Open) when !correcting => null,
        (InspectionStatus.Closed or InspectionStatus.Embargoed, InspectionStatus.Embargoed) => null,
        (InspectionStatus.Closed or InspectionStatus.Embargoed, InspectionStatus.Published) => null,
        (InspectionStatus.Published, InspectionStatus.Open) when correcting => null,
        (InspectionStatus.Published, _) => "it is published: only a correction with a reason (CorrectInspection) changes it",
        (_, InspectionStatus.Open) when correcting => $"it is {Name(from)}, not published: reopen it instead of correcting it",
        (InspectionStatus.Open, _) => $"it is {Name(from)}: close it first",
        _ => $"it is {Name(from)} and cannot become {Name(to)}",
    };

    public static string Name(InspectionStatus status) => status switch
    {
        InspectionStatus.Open => "open (fieldwork)",
        InspectionStatus.Closed => "closed",
        InspectionStatus.Embargoed => "embargoed",
        InspectionStatus.Published => "published",
        _ => status.ToString(),
    };
}
