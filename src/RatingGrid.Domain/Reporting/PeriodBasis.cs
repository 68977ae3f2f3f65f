namespace RatingGrid.Domain.Reporting;

/// <summary>Which date places an inspection in a reporting period.</summary>
public enum PeriodBasis
{
    /// <summary>The day it was first published (inspections not yet published are in no period).</summary>
    Publication = 0,

    /// <summary>The last day of its fieldwork.</summary>
    Fieldwork = 1,
}
