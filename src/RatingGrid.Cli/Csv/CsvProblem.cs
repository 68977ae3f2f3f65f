namespace RatingGrid.Cli.Csv;

/// <summary>A problem in a judgements file, at a 1-based line and column.</summary>
internal sealed record CsvProblem(int Line, int Column, string Message)
{
    public string Format(string file) => $"{file}:{Line}:{Column}: {Message}";
}
