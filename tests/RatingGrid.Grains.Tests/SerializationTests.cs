using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.Tests;

/// <summary>
/// Judgements carry the Domain's own answer and trait values between silos, through surrogates;
/// what arrives must be what was sent.
/// </summary>
public sealed class SerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void A_batch_of_judgements_arrives_whole_on_another_silo()
    {
        var sent = Scenarios.Batch(Scenarios.Judgement("case-1", 3, seed: 7), Scenarios.Judgement("case-2", 1, seed: 8));

        var received = Serializer.Deserialize<JudgementBatchInput>(Serializer.SerializeToArray(sent))!;

        Assert.Equal(sent.Actor, received.Actor);
        Assert.Equal(sent.Judgements.Count, received.Judgements.Count);
        for (var i = 0; i < sent.Judgements.Count; i++)
        {
            var (a, b) = (sent.Judgements[i], received.Judgements[i]);
            Assert.Equal((a.CaseId, a.Revision, a.CaseType), (b.CaseId, b.Revision, b.CaseType));
            Assert.Equal<CaseTrait>(a.Traits, b.Traits);
            Assert.Equal<KeyQuestionAnswer>(a.Answers, b.Answers);
            Assert.NotEmpty(b.Answers);
        }
    }
}
