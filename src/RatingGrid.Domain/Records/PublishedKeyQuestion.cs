namespace RatingGrid.Domain.Records;

/// <summary>
/// A key question's figure as a report publishes it: its percentage, and its counts where the report
/// states them. Only a figure whose counts are known is pooled with others; a percentage alone is shown.
/// </summary>
public sealed record PublishedKeyQuestion(string KeyQuestionId, int Percent, int? Yes = null, int? Applicable = null)
{
    public bool HasCounts => Yes is not null && Applicable is not null;
}
