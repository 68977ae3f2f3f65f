using System.Text;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.State;

/// <summary>
/// The binary journal of one inspection. A segment is a format byte then entries; an entry is the
/// case id, revision, actor, time received (UTC ticks), a kind byte (1 judgement, 2 withdrawal) and,
/// for a judgement, its case type, traits and one answer byte per key question in rulebook order
/// (0 = not answered). A rulebook version never changes, so that order holds for the inspection's life.
/// Strings are written once, the first time the journal meets them, and after that by number: case
/// ids, actors, case types and traits repeat on almost every revision, and the journal is rewritten
/// on every commit, so its size is the cost of a write.
/// </summary>
internal sealed class Journal(Rulebook rulebook)
{
    private const byte FormatV1 = 1;
    private const byte JudgementKind = 1;
    private const byte WithdrawalKind = 2;

    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    /// <summary>Reads every segment in order, learning the string table as it goes.</summary>
    public IEnumerable<JournalEntry> Read(IEnumerable<byte[]> segments)
    {
        foreach (var segment in segments)
        {
            using var reader = new BinaryReader(new MemoryStream(segment, writable: false), Encoding.UTF8);
            var format = reader.ReadByte();
            if (format != FormatV1)
            {
                throw new InvalidDataException($"Journal segment format {format} is not known to this version of RatingGrid.");
            }

            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                yield return ReadEntry(reader);
            }
        }
    }

    /// <summary>Encodes entries as the next segment. Segments must be stored in the order they were made.</summary>
    public byte[] Write(IEnumerable<JournalEntry> entries)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(FormatV1);
        Span<byte> answers = stackalloc byte[rulebook.KeyQuestions.Count];
        foreach (var entry in entries)
        {
            WriteString(writer, entry.CaseId);
            writer.Write7BitEncodedInt64(entry.Revision);
            WriteString(writer, entry.Actor);
            writer.Write(entry.ReceivedAt.UtcTicks);
            if (entry.Judgement is not { } judgement)
            {
                writer.Write(WithdrawalKind);
                continue;
            }

            writer.Write(JudgementKind);
            WriteString(writer, judgement.CaseType);
            // Indexed loops: foreach over these interface-typed lists allocates an enumerator per judgement.
            var traits = judgement.Traits;
            writer.Write7BitEncodedInt(traits.Count);
            for (var i = 0; i < traits.Count; i++)
            {
                WriteString(writer, traits[i].Name);
                WriteString(writer, traits[i].Value);
            }

            answers.Clear();
            var given = judgement.Answers;
            for (var i = 0; i < given.Count; i++)
            {
                rulebook.TryGetKeyQuestion(given[i].KeyQuestionId, out var keyQuestion);
                answers[keyQuestion.Index] = (byte)given[i].Answer;
            }

            writer.Write(answers);
        }

        writer.Flush();
        return stream.ToArray();
    }

    // 0 then the text defines the next number; n > 0 refers to number n - 1.
    private void WriteString(BinaryWriter writer, string value)
    {
        if (_numbers.TryGetValue(value, out var number))
        {
            writer.Write7BitEncodedInt(number + 1);
            return;
        }

        writer.Write7BitEncodedInt(0);
        writer.Write(value);
        _numbers.Add(value, _strings.Count);
        _strings.Add(value);
    }

    private string ReadString(BinaryReader reader)
    {
        var number = reader.Read7BitEncodedInt();
        if (number > 0)
        {
            return _strings[number - 1];
        }

        var value = reader.ReadString();
        _numbers.TryAdd(value, _strings.Count);
        _strings.Add(value);
        return value;
    }

    private JournalEntry ReadEntry(BinaryReader reader)
    {
        var caseId = ReadString(reader);
        var revision = reader.Read7BitEncodedInt64();
        var actor = ReadString(reader);
        var receivedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var kind = reader.ReadByte();
        if (kind == WithdrawalKind)
        {
            return new JournalEntry(caseId, revision, actor, receivedAt, null);
        }

        if (kind != JudgementKind)
        {
            throw new InvalidDataException($"Journal entry for case '{caseId}' has unknown kind {kind}.");
        }

        var caseType = ReadString(reader);
        var traits = new CaseTrait[reader.Read7BitEncodedInt()];
        for (var i = 0; i < traits.Length; i++)
        {
            traits[i] = new CaseTrait(ReadString(reader), ReadString(reader));
        }

        var answerBytes = reader.ReadBytes(rulebook.KeyQuestions.Count);
        var answers = new List<KeyQuestionAnswer>(answerBytes.Length);
        for (var i = 0; i < answerBytes.Length; i++)
        {
            if (answerBytes[i] != 0)
            {
                answers.Add(new KeyQuestionAnswer(rulebook.KeyQuestions[i].Id, (Answer)answerBytes[i]));
            }
        }

        return new JournalEntry(caseId, revision, actor, receivedAt, new CaseJudgement(caseId, revision, caseType, traits, answers));
    }
}
