using System.Text;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.State;

/// <summary>
/// The binary form of an inspection's state at the start of a journal segment: the string table as
/// the records left it, then details, status, version, judged ratings and every case the ledger holds
/// (withdrawn ones too, so that a late lower revision stays refused), then (format 2) the
/// publication time and every lifecycle step, then (format 3) the published report an inspection was
/// recorded from, if it was. Reading one back gives the state and a codec ready for the records after
/// it; format 1 and 2 snapshots, written before lifecycles and before published reports, still read.
/// </summary>
internal static class SnapshotCodec
{
    private const byte Format = 3;
    private const byte FormatBeforeReports = 2;
    private const byte FormatBeforeLifecycle = 1;

    public static byte[] Encode(InspectionState state, JournalCodec codec)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Format);
        codec.Strings.WriteAll(writer);
        var strings = codec.Strings;
        var details = state.Details!;
        foreach (var text in new[] { details.PduId, details.PduName, details.Region, details.RulebookId })
        {
            strings.WriteWithoutLearning(writer, text);
        }

        writer.Write7BitEncodedInt(details.RulebookVersion);
        writer.Write7BitEncodedInt(details.FieldworkStart.DayNumber);
        writer.Write7BitEncodedInt(details.FieldworkEnd.DayNumber);
        writer.Write((byte)state.Status);
        writer.Write7BitEncodedInt64(state.Version);
        writer.Write(state.LastChangedAt.UtcTicks);
        writer.Write7BitEncodedInt(state.JudgedRatings.Count);
        foreach (var (standardId, rated) in state.JudgedRatings)
        {
            strings.WriteWithoutLearning(writer, standardId);
            writer.Write((byte)rated.Rating);
            strings.WriteWithoutLearning(writer, rated.Rationale);
            strings.WriteWithoutLearning(writer, rated.Actor);
            writer.Write(rated.SetAt.UtcTicks);
        }

        var cases = state.Ledger!.Cases().ToList();
        writer.Write7BitEncodedInt(cases.Count);
        var rulebook = state.Ledger.Rulebook;
        Span<byte> answers = stackalloc byte[rulebook.KeyQuestions.Count];
        foreach (var held in cases)
        {
            var judgement = held.Judgement;
            strings.WriteWithoutLearning(writer, judgement.CaseId);
            writer.Write7BitEncodedInt64(judgement.Revision);
            writer.Write7BitEncodedInt64(held.Revision);
            writer.Write(held.IsWithdrawn);
            strings.WriteWithoutLearning(writer, judgement.CaseType);
            writer.Write7BitEncodedInt(judgement.Traits.Count);
            foreach (var trait in judgement.Traits)
            {
                strings.WriteWithoutLearning(writer, trait.Name);
                strings.WriteWithoutLearning(writer, trait.Value);
            }

            answers.Clear();
            foreach (var answer in judgement.Answers)
            {
                rulebook.TryGetKeyQuestion(answer.KeyQuestionId, out var keyQuestion);
                answers[keyQuestion.Index] = (byte)answer.Answer;
            }

            writer.Write(answers);
        }

        writer.Write(state.PublishAt is { } publishAt ? publishAt.UtcTicks : 0L);
        writer.Write7BitEncodedInt(state.Lifecycle.Count);
        foreach (var step in state.Lifecycle)
        {
            writer.Write((byte)step.Status);
            strings.WriteWithoutLearning(writer, step.Actor);
            writer.Write(step.At.UtcTicks);
            writer.Write(step.PublishAt is { } at ? at.UtcTicks : 0L);
            strings.WriteWithoutLearning(writer, step.Reason ?? "");
        }

        writer.Write(state.Report is { } report ? ReportJson.Write(report) : "");
        writer.Flush();
        return stream.ToArray();
    }

    public static (InspectionState State, JournalCodec Codec) Decode(byte[] bytes, RulebookCatalog rulebooks)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        var format = reader.ReadByte();
        if (format is not (Format or FormatBeforeReports or FormatBeforeLifecycle))
        {
            throw new InvalidDataException($"Snapshot format {format} is not known to this version of RatingGrid (expected {FormatBeforeLifecycle} to {Format}).");
        }

        var strings = StringTable.ReadAll(reader);
        var details = InspectionState.Official(new InspectionDetails(strings.ReadWithoutLearning(reader), strings.ReadWithoutLearning(reader), strings.ReadWithoutLearning(reader),
            strings.ReadWithoutLearning(reader), reader.Read7BitEncodedInt(), DateOnly.FromDayNumber(reader.Read7BitEncodedInt()), DateOnly.FromDayNumber(reader.Read7BitEncodedInt())));
        var rulebook = rulebooks.Get(new RulebookKey(details.RulebookId, details.RulebookVersion));
        var state = new InspectionState
        {
            Details = details,
            Status = (InspectionStatus)reader.ReadByte(),
            Version = reader.Read7BitEncodedInt64(),
            LastChangedAt = JournalCodec.Time(reader),
        };
        for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
        {
            var standardId = strings.ReadWithoutLearning(reader);
            state.JudgedRatings[standardId] = new JudgedRatingRecord((Rating)reader.ReadByte(), strings.ReadWithoutLearning(reader), strings.ReadWithoutLearning(reader), JournalCodec.Time(reader));
        }

        var cases = new CaseState[reader.Read7BitEncodedInt()];
        for (var i = 0; i < cases.Length; i++)
        {
            var caseId = strings.ReadWithoutLearning(reader);
            var judgementRevision = reader.Read7BitEncodedInt64();
            var revision = reader.Read7BitEncodedInt64();
            var withdrawn = reader.ReadBoolean();
            var caseType = strings.ReadWithoutLearning(reader);
            var traits = new CaseTrait[reader.Read7BitEncodedInt()];
            for (var t = 0; t < traits.Length; t++)
            {
                traits[t] = new CaseTrait(strings.ReadWithoutLearning(reader), strings.ReadWithoutLearning(reader));
            }

            var answerBytes = reader.ReadBytes(rulebook.KeyQuestions.Count);
            var answers = new List<KeyQuestionAnswer>(answerBytes.Length);
            for (var k = 0; k < answerBytes.Length; k++)
            {
                if (answerBytes[k] != 0)
                {
                    answers.Add(new KeyQuestionAnswer(rulebook.KeyQuestions[k].Id, (Answer)answerBytes[k]));
                }
            }

            cases[i] = new CaseState(new CaseJudgement(caseId, judgementRevision, caseType, traits, answers), revision, withdrawn);
        }

        if (format >= FormatBeforeReports)
        {
            state.PublishAt = OptionalTime(reader.ReadInt64());
            for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
            {
                var status = (InspectionStatus)reader.ReadByte();
                var actor = strings.ReadWithoutLearning(reader);
                var at = JournalCodec.Time(reader);
                var publishAt = OptionalTime(reader.ReadInt64());
                var reason = strings.ReadWithoutLearning(reader);
                state.Lifecycle.Add(new LifecycleEntry(status, actor, at, publishAt, reason.Length == 0 ? null : reason));
            }
        }

        if (format >= Format && reader.ReadString() is { Length: > 0 } report)
        {
            state.Report = ReportJson.Read(report);
        }

        state.Ledger = InspectionLedger.Restore(rulebook, cases, state.JudgedRatings.ToDictionary(j => j.Key, j => new JudgedRating(j.Value.Rating, j.Value.Rationale), StringComparer.Ordinal));
        return (state, new JournalCodec(rulebooks, strings) { Rulebook = rulebook });
    }

    private static DateTimeOffset? OptionalTime(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
