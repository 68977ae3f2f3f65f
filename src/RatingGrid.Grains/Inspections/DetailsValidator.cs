using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.Inspections;

/// <summary>Checks the details an inspection is opened with.</summary>
internal static class DetailsValidator
{
    public static IReadOnlyList<FieldViolation> Validate(InspectionDetails details, string actor, RulebookCatalog rulebooks)
    {
        var violations = new List<FieldViolation>();
        Require(details.PduId, "pdu_id", violations);
        Require(details.PduName, "pdu_name", violations);
        Require(details.Region, "region", violations);
        Require(actor, "actor", violations);
        if (string.IsNullOrWhiteSpace(details.RulebookId))
        {
            violations.Add(new FieldViolation("rulebook.id", "is required"));
        }
        else if (!rulebooks.TryGet(new RulebookKey(details.RulebookId, details.RulebookVersion), out _))
        {
            violations.Add(new FieldViolation("rulebook.id",
                $"no rulebook {details.RulebookId} v{details.RulebookVersion}; known: {string.Join(", ", rulebooks.All.Select(r => r.Key))}"));
        }

        if (details.FieldworkEnd < details.FieldworkStart)
        {
            violations.Add(new FieldViolation("fieldwork_end", $"{details.FieldworkEnd:yyyy-MM-dd} is before the fieldwork start {details.FieldworkStart:yyyy-MM-dd}"));
        }

        return violations;
    }

    /// <summary>Names the fields in which two sets of details differ, for a person to act on.</summary>
    public static string Differences(InspectionDetails existing, InspectionDetails requested)
    {
        var fields = new List<string>();
        Compare("pdu_id", existing.PduId, requested.PduId, fields);
        Compare("pdu_name", existing.PduName, requested.PduName, fields);
        Compare("region", existing.Region, requested.Region, fields);
        Compare("rulebook", $"{existing.RulebookId} v{existing.RulebookVersion}", $"{requested.RulebookId} v{requested.RulebookVersion}", fields);
        Compare("fieldwork", $"{existing.FieldworkStart:yyyy-MM-dd}..{existing.FieldworkEnd:yyyy-MM-dd}", $"{requested.FieldworkStart:yyyy-MM-dd}..{requested.FieldworkEnd:yyyy-MM-dd}", fields);
        return string.Join("; ", fields);
    }

    private static void Require(string? value, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(new FieldViolation(field, "is required"));
        }
    }

    private static void Compare(string field, string existing, string requested, List<string> fields)
    {
        if (existing != requested)
        {
            fields.Add($"{field} is '{existing}', not '{requested}'");
        }
    }
}
