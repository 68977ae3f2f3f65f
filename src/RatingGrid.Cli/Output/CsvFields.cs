namespace RatingGrid.Cli.Output;

/// <summary>Writing CSV fields.</summary>
internal static class CsvFields
{
    /// <summary>RFC 4180: quotes a field holding a comma, a quote or a line break, doubling its quotes.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
