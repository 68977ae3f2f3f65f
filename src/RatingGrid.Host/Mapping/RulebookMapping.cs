using RatingGrid.Contracts.V1;

namespace RatingGrid.Host.Mapping;

/// <summary>A rulebook on the wire: everything a client needs to validate and rate as the service does.</summary>
internal static class RulebookMapping
{
    public static Contracts.V1.Rulebook ToWire(this Domain.Rulebooks.Rulebook rulebook) => new()
    {
        Ref = new RulebookRef { Id = rulebook.Id, Version = rulebook.Version },
        Title = rulebook.Title,
        CaseTypes = { rulebook.CaseTypes },
        Standards =
        {
            rulebook.Standards.Select(s => new Standard
            {
                Id = s.Id,
                Name = s.Name,
                Kind = s.Kind.ToWire(),
                KeyQuestions = { s.KeyQuestions.Select(k => new KeyQuestion { Id = k.Id, Focus = k.Focus, Wording = k.Wording }) },
            }),
        },
        CaseBands = { rulebook.CaseBands.Select(b => new Contracts.V1.CaseBand { Rating = b.Rating.ToWire(), FromPercent = b.FromPercent, ToPercent = b.ToPercent }) },
        BandingBasis = rulebook.BandingBasis == Domain.Rulebooks.BandingBasis.ExactFraction ? Contracts.V1.BandingBasis.ExactFraction : Contracts.V1.BandingBasis.RoundedWholePercent,
        MinimumApplicableCases = rulebook.MinimumApplicableCases,
        Points = { rulebook.Points.OrderBy(p => p.Key).Select(p => new RatingPoints { Rating = p.Key.ToWire(), Points = p.Value }) },
        OverallBands = { rulebook.OverallBands.Select(b => new Contracts.V1.OverallBand { Rating = b.Rating.ToWire(), FromScore = b.FromScore, ToScore = b.ToScore }) },
        MaxScore = rulebook.MaxScore,
    };
}
