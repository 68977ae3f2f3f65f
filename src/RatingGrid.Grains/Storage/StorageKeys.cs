using System.Text;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// Turns ids into storage names (blob names, table keys) and back, injectively: two different ids
/// never share a name, whatever they hold. Letters, digits, '-' and '_' stand for themselves; every
/// other byte of the id's UTF-8 is written '~' and two hex digits. So no name holds a '/', a '.', a
/// trailing dot or a character a table key forbids, and storage cannot normalise two names into one.
/// </summary>
public static class StorageKeys
{
    public static string Encode(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var builder = new StringBuilder(id.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Decode(string key)
    {
        var bytes = new List<byte>(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '~')
            {
                bytes.Add(Convert.ToByte(key.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)key[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
