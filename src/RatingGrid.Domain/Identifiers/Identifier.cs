namespace RatingGrid.Domain.Identifiers;

/// <summary>
/// What ids and names may hold. An id (of an inspection, a PDU, a case, a rulebook, a standard) is
/// letters, digits and <c>. _ - :</c>, starting with a letter or digit: no spaces, no slashes, nothing
/// a path or a URL would reinterpret, and so nothing two clients could spell two ways. A name or
/// free text (a PDU's name, a region, a trait, a rationale) is any printable text: no control
/// characters, which would corrupt logs, CSV exports and terminals.
/// </summary>
public static class Identifier
{
    /// <summary>The grammar in words, for messages.</summary>
    public const string Grammar = "letters, digits and '.', '_', '-', ':', starting with a letter or digit";

    public static bool IsWellFormed(string id)
    {
        if (id.Length == 0 || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text without control characters (line breaks, NUL, escape...), and whole: no lone surrogate.</summary>
    public static bool IsPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
