using System.Text;

namespace RatingGrid.Cli.Csv;

/// <summary>The text layer of a CSV file: UTF-8 decoding with the position of a bad byte, and RFC 4180 fields.</summary>
internal static class CsvText
{
    // Comma-separated fields; a field in double quotes may hold commas, and "" stands for a quote.
    public static List<string> Fields(string line, int lineNumber, List<CsvProblem> problems)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            problems.Add(new CsvProblem(lineNumber, line.Length + 1, "a quoted field is not closed"));
        }

        fields.Add(field.ToString());
        return fields;
    }

    public static bool TryDecode(byte[] bytes, out string text, out int badByteAt)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
            badByteAt = -1;
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            text = "";
            badByteAt = start + ex.Index;
            return false;
        }
    }

    public static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, Math.Max(1, Encoding.UTF8.GetCharCount(bytes, lineStart, Math.Max(0, offset - lineStart)) + 1));
    }
}
