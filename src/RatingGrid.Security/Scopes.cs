namespace RatingGrid.Security;

/// <summary>The OAuth scopes RatingGrid grants by; each rpc's <c>(ratinggrid.v1.required_scope)</c> names one.</summary>
public static class Scopes
{
    /// <summary>Read inspections, their ratings, breakdowns and case histories, regional figures and rulebooks.</summary>
    public const string Read = "ratinggrid.read";

    /// <summary>Record and withdraw judgements; set and clear judged ratings.</summary>
    public const string Write = "ratinggrid.write";

    /// <summary>Open, close and reopen inspections.</summary>
    public const string Admin = "ratinggrid.admin";

    /// <summary>National figures and every inspection's summary, across all regions.</summary>
    public const string National = "ratinggrid.national";

    /// <summary>See the figures of unpublished work (fieldwork, closed, embargoed): inspection teams and rating panels.</summary>
    public const string Unpublished = "ratinggrid.unpublished";

    /// <summary>See embargoed inspections ahead of their publication: those given an embargoed copy.</summary>
    public const string Embargoed = "ratinggrid.embargoed";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Admin, National, Unpublished, Embargoed];
}
