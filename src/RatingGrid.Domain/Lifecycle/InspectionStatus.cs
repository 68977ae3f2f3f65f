namespace RatingGrid.Domain.Lifecycle;

/// <summary>Where an inspection is in its life: only an open one takes changes.</summary>
public enum InspectionStatus
{
    /// <summary>Fieldwork: judgements are being recorded.</summary>
    Open = 0,

    /// <summary>Fieldwork over; the draft is checked for factual accuracy.</summary>
    Closed = 1,

    /// <summary>Final, and given under embargo ahead of its publication time.</summary>
    Embargoed = 2,

    /// <summary>Public; it changes only by a correction with a reason.</summary>
    Published = 3,
}
