using System.Text;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.State;

/// <summary>
/// The binary form of one inspection's journal records. A record is a format byte, the version and
/// time (UTC ticks) the commit reached, and its events; an event is a kind byte, the actor, the time,
/// and what it changed. A judgement's answers are one byte per key question in rulebook order
/// (0 = not answered): a rulebook version never changes, so that order holds for the inspection's
/// life. Strings go through the inspection's <see cref="StringTable"/>.
/// </summary>
/// <remarks>Stateful (the string table grows as records are written or read), so records must be
/// encoded in the order they are appended and decoded in the order they were.</remarks>
internal sealed class JournalCodec(RulebookCatalog rulebooks, StringTable strings)
{
    private const byte Format = 2;
    private const byte Judged = 1;
    private const byte Withdrawn = 2;
    private const byte Opened = 3;
    private const byte Rated = 4;
    private const byte Status = 5;
    private const byte Lifecycle = 6;
    private const byte Report = 7;

    /// <summary>The rulebook answers are laid out by; known once the inspection has been opened.</summary>
    public Rulebook? Rulebook { get; set; }

    public StringTable Strings => strings;

    public byte[] Encode(JournalRecord record)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Format);
        writer.Write7BitEncodedInt64(record.Version);
        writer.Write(record.ChangedAt.UtcTicks);
        writer.Write7BitEncodedInt(record.Events.Count);
        foreach (var e in record.Events)
        {
            WriteEvent(writer, e);
        }

        writer.Flush();
        return stream.ToArray();
    }

    public JournalRecord Decode(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        var format = reader.ReadByte();
        if (format != Format)
        {
            throw new InvalidDataException($"Journal record format {format} is not known to this version of RatingGrid (expected {Format}).");
        }

        var version = reader.Read7BitEncodedInt64();
        var changedAt = Time(reader);
        var events = new JournalEvent[reader.Read7BitEncodedInt()];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = ReadEvent(reader);
        }

        return new JournalRecord(version, changedAt, events);
    }

    public void WriteDetails(BinaryWriter writer, InspectionDetails details)
    {
        strings.Write(writer, details.PduId);
        strings.Write(writer, details.PduName);
        strings.Write(writer, details.Region);
        strings.Write(writer, details.RulebookId);
        writer.Write7BitEncodedInt(details.RulebookVersion);
        writer.Write7BitEncodedInt(details.FieldworkStart.DayNumber);
        writer.Write7BitEncodedInt(details.FieldworkEnd.DayNumber);
        Rulebook = rulebooks.Get(new RulebookKey(details.RulebookId, details.RulebookVersion));
    }

    public InspectionDetails ReadDetails(BinaryReader reader)
    {
        var details = new InspectionDetails(strings.Read(reader), strings.Read(reader), strings.Read(reader), strings.Read(reader),
            reader.Read7BitEncodedInt(), DateOnly.FromDayNumber(reader.Read7BitEncodedInt()), DateOnly.FromDayNumber(reader.Read7BitEncodedInt()));
        Rulebook = rulebooks.Get(new RulebookKey(details.RulebookId, details.RulebookVersion));
        return details;
    }

    /// <summary>A judgement without its case id and revision, which the caller writes.</summary>
    public void WriteJudgementBody(BinaryWriter writer, CaseJudgement judgement)
    {
        var rulebook = RequireRulebook();
        strings.Write(writer, judgement.CaseType);
        // Indexed loops: foreach over these interface-typed lists allocates an enumerator per judgement.
        var traits = judgement.Traits;
        writer.Write7BitEncodedInt(traits.Count);
        for (var i = 0; i < traits.Count; i++)
        {
            strings.Write(writer, traits[i].Name);
            strings.Write(writer, traits[i].Value);
        }

        Span<byte> answers = stackalloc byte[rulebook.KeyQuestions.Count];
        var given = judgement.Answers;
        for (var i = 0; i < given.Count; i++)
        {
            rulebook.TryGetKeyQuestion(given[i].KeyQuestionId, out var keyQuestion);
            answers[keyQuestion.Index] = (byte)given[i].Answer;
        }

        writer.Write(answers);
    }

    public CaseJudgement ReadJudgementBody(BinaryReader reader, string caseId, long revision)
    {
        var rulebook = RequireRulebook();
        var caseType = strings.Read(reader);
        var traits = new CaseTrait[reader.Read7BitEncodedInt()];
        for (var i = 0; i < traits.Length; i++)
        {
            traits[i] = new CaseTrait(strings.Read(reader), strings.Read(reader));
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

        return new CaseJudgement(caseId, revision, caseType, traits, answers);
    }

    public static DateTimeOffset Time(BinaryReader reader) => new(reader.ReadInt64(), TimeSpan.Zero);

    /// <summary>The version a record brought its inspection to, without decoding the rest.</summary>
    public static long VersionOf(byte[] record)
    {
        using var reader = new BinaryReader(new MemoryStream(record, writable: false));
        reader.ReadByte();
        return reader.Read7BitEncodedInt64();
    }

    private void WriteEvent(BinaryWriter writer, JournalEvent e)
    {
        writer.Write(Kind(e));
        strings.Write(writer, e.Actor);
        writer.Write(e.At.UtcTicks);
        switch (e)
        {
            case CaseJudged judged:
                strings.Write(writer, judged.Judgement.CaseId);
                writer.Write7BitEncodedInt64(judged.Judgement.Revision);
                WriteJudgementBody(writer, judged.Judgement);
                break;
            case CaseWithdrawn withdrawn:
                strings.Write(writer, withdrawn.CaseId);
                writer.Write7BitEncodedInt64(withdrawn.Revision);
                break;
            case InspectionOpened opened:
                WriteDetails(writer, opened.Details);
                break;
            case JudgedRatingChanged rated:
                strings.Write(writer, rated.StandardId);
                writer.Write((byte)(rated.Rating is { } rating ? (int)rating + 1 : 0));
                if (rated.Rating is not null)
                {
                    strings.Write(writer, rated.Rationale ?? "");
                }

                break;
            case StatusChanged status:
                writer.Write((byte)status.Status);
                if (status.IsLifecycle)
                {
                    writer.Write(status.PublishAt is { } publishAt ? publishAt.UtcTicks : 0L);
                    strings.Write(writer, status.Reason ?? "");
                }

                break;
            case ReportRecorded recorded:
                writer.Write(ReportJson.Write(recorded.Report));
                break;
        }
    }

    private JournalEvent ReadEvent(BinaryReader reader)
    {
        var kind = reader.ReadByte();
        var actor = strings.Read(reader);
        var at = Time(reader);
        switch (kind)
        {
            case Judged:
                var caseId = strings.Read(reader);
                var revision = reader.Read7BitEncodedInt64();
                return new CaseJudged(ReadJudgementBody(reader, caseId, revision), actor, at);
            case Withdrawn:
                return new CaseWithdrawn(strings.Read(reader), reader.Read7BitEncodedInt64(), actor, at);
            case Opened:
                return new InspectionOpened(ReadDetails(reader), actor, at);
            case Rated:
                var standardId = strings.Read(reader);
                var rating = reader.ReadByte();
                return rating == 0
                    ? new JudgedRatingChanged(standardId, null, null, actor, at)
                    : new JudgedRatingChanged(standardId, (Rating)(rating - 1), strings.Read(reader), actor, at);
            case Status:
                return new StatusChanged((InspectionStatus)reader.ReadByte(), actor, at);
            case Lifecycle:
                var status = (InspectionStatus)reader.ReadByte();
                var publishAt = reader.ReadInt64();
                var reason = strings.Read(reader);
                return new StatusChanged(status, actor, at, publishAt == 0 ? null : new DateTimeOffset(publishAt, TimeSpan.Zero), reason.Length == 0 ? null : reason);
            case Report:
                return new ReportRecorded(ReportJson.Read(reader.ReadString()), actor, at);
            default:
                throw new InvalidDataException($"Journal event kind {kind} is not known to this version of RatingGrid.");
        }
    }

    private static byte Kind(JournalEvent e) => e switch
    {
        CaseJudged => Judged,
        CaseWithdrawn => Withdrawn,
        InspectionOpened => Opened,
        JudgedRatingChanged => Rated,
        StatusChanged { IsLifecycle: true } => Lifecycle,
        StatusChanged => Status,
        ReportRecorded => Report,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "not a journal event"),
    };

    private Rulebook RequireRulebook() =>
        Rulebook ?? throw new InvalidDataException("A judgement appears in a journal before the inspection was opened.");
}
