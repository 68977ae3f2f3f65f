namespace RatingGrid.Domain.Ledger;

/// <summary>What a change did to the ledger.</summary>
public enum ChangeOutcome
{
    /// <summary>The change took effect.</summary>
    Applied = 0,

    /// <summary>The ledger already held exactly this: nothing changed, and a retry is harmless.</summary>
    Duplicate = 1,

    /// <summary>Refused: the case already has a higher revision.</summary>
    Stale = 2,

    /// <summary>Refused: the case already has this revision with different content.</summary>
    Conflict = 3,

    /// <summary>Refused: there is no such case to withdraw.</summary>
    UnknownCase = 4,
}
