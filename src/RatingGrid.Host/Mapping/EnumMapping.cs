using RatingGrid.Contracts.V1;

namespace RatingGrid.Host.Mapping;

/// <summary>Enums and dates between the wire and the Domain. Numbering differs by design: wire enums start at UNSPECIFIED.</summary>
internal static class EnumMapping
{
    public static Rating ToWire(this Domain.Rulebooks.Rating? rating) => rating is { } r ? (Rating)((int)r + 1) : Rating.Unspecified;

    public static Rating ToWire(this Domain.Rulebooks.Rating rating) => (Rating)((int)rating + 1);

    public static Domain.Rulebooks.Rating? ToDomain(this Rating rating) =>
        rating == Rating.Unspecified ? null : (Domain.Rulebooks.Rating)((int)rating - 1);

    public static ChangeOutcome ToWire(this Domain.Ledger.ChangeOutcome outcome) => (ChangeOutcome)((int)outcome + 1);

    public static StandardKind ToWire(this Domain.Rulebooks.StandardKind kind) => (StandardKind)((int)kind + 1);

    public static Domain.Scoring.Answer ToDomain(this Answer answer) => (Domain.Scoring.Answer)(int)answer;

    public static Answer ToWire(this Domain.Scoring.Answer answer) => (Answer)(int)answer;

    public static InspectionStatus ToWire(this Domain.Lifecycle.InspectionStatus status) => (InspectionStatus)((int)status + 1);

    /// <summary>The status a wire inspection is in (one read before its status was kept is open).</summary>
    public static Domain.Lifecycle.InspectionStatus ToDomain(this InspectionStatus status) =>
        status == InspectionStatus.Unspecified ? Domain.Lifecycle.InspectionStatus.Open : (Domain.Lifecycle.InspectionStatus)((int)status - 1);

    public static Domain.Reporting.PeriodBasis ToDomain(this PeriodBasis basis) =>
        basis == PeriodBasis.Fieldwork ? Domain.Reporting.PeriodBasis.Fieldwork : Domain.Reporting.PeriodBasis.Publication;

    public static Domain.Reporting.InspectionOrder ToDomain(this InspectionOrder order) => (Domain.Reporting.InspectionOrder)(int)order;

    /// <summary>A wire string, where empty means absent.</summary>
    public static string? OrNull(this string value) => value.Length == 0 ? null : value;

    public static PeriodBasis ToWire(this Domain.Reporting.PeriodBasis basis) =>
        basis == Domain.Reporting.PeriodBasis.Fieldwork ? PeriodBasis.Fieldwork : PeriodBasis.Publication;

    /// <summary>The instant a timestamp names, or null when it is absent or outside what a timestamp may hold.</summary>
    public static DateTimeOffset? ToDomainOrNull(this Google.Protobuf.WellKnownTypes.Timestamp? timestamp) =>
        timestamp is { Seconds: >= -62_135_596_800 and <= 253_402_300_799, Nanos: >= 0 and <= 999_999_999 } ? timestamp.ToDateTimeOffset() : null;

    public static DateOnly ToDomain(this Date date) => new(date.Year, date.Month, date.Day);

    public static Date ToWire(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
