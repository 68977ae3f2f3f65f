namespace RatingGrid.Grains.State;

/// <summary>
/// Strings are written once, the first time a journal meets them, and after that by number: case
/// ids, actors, case types and traits repeat on almost every revision. Numbers hold for an
/// inspection's whole journal, so a snapshot carries the table for the records after it.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    public int Count => _strings.Count;

    // 0 then the text defines the next number; n > 0 refers to number n - 1.
    public void Write(BinaryWriter writer, string value)
    {
        if (_numbers.TryGetValue(value, out var number))
        {
            writer.Write7BitEncodedInt(number + 1);
            return;
        }

        writer.Write7BitEncodedInt(0);
        writer.Write(value);
        Learn(value);
    }

    public string Read(BinaryReader reader)
    {
        var number = reader.Read7BitEncodedInt();
        if (number > 0)
        {
            return _strings[number - 1];
        }

        var value = reader.ReadString();
        Learn(value);
        return value;
    }

    /// <summary>As <see cref="Write"/> for a known string; an unknown one is written whole and not learned, so the table stays as the records left it.</summary>
    public void WriteWithoutLearning(BinaryWriter writer, string value)
    {
        if (_numbers.TryGetValue(value, out var number))
        {
            writer.Write7BitEncodedInt(number + 1);
            return;
        }

        writer.Write7BitEncodedInt(0);
        writer.Write(value);
    }

    public string ReadWithoutLearning(BinaryReader reader)
    {
        var number = reader.Read7BitEncodedInt();
        return number > 0 ? _strings[number - 1] : reader.ReadString();
    }

    /// <summary>The whole table, for a snapshot.</summary>
    public void WriteAll(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_strings.Count);
        foreach (var value in _strings)
        {
            writer.Write(value);
        }
    }

    public static StringTable ReadAll(BinaryReader reader)
    {
        var table = new StringTable();
        for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
        {
            table.Learn(reader.ReadString());
        }

        return table;
    }

    private void Learn(string value)
    {
        _numbers.TryAdd(value, _strings.Count);
        _strings.Add(value);
    }
}
