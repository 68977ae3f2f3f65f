using Microsoft.Extensions.Logging;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Registry;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Registry;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Grains.Registry;

/// <summary>
/// The registry: the built-in data file with every stored change replayed over it. A change is
/// acknowledged only once stored; one that fails to store is forgotten, so nothing is half-made.
/// </summary>
// The strongly consistent directory: a second activation after a lost host would refuse every change (ETag) until it went.
[Orleans.GrainDirectory.GrainDirectory(GrainDirectoryName = StorageNames.AggregateDirectory)]
internal sealed partial class RegistryGrain(
    [PersistentState("registry", StorageNames.RegistryStorage)] IPersistentState<RegistryState> state,
    ILogger<RegistryGrain> logger) : Grain, IRegistryGrain
{
    private PduRegistry _registry = PduRegistry.BuiltIn;
    private RegistryView? _view;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var change in state.State.Changes.Select(c => c.ToChange()))
        {
            // A change the data file has since made unnecessary, or contradicts, is left out and said.
            if (_registry.Refusal(change) is { } refusal)
            {
                LogChangeSkipped(change.Kind, change.PduId, change.Region, refusal.Message);
                continue;
            }

            _registry = _registry.With(change);
        }

        return Task.CompletedTask;
    }

    public Task<RegistryView> GetAsync() => Task.FromResult(View());

    public Task<Pdu?> FindAsync(string pduId) => Task.FromResult(_registry.Find(pduId));

    public Task<Pdu?> ResolveAsync(string idOrName) => Task.FromResult(_registry.Resolve(idOrName));

    public async Task<RegistryView> ChangeAsync(RegistryChange change)
    {
        if (_registry.Refusal(change) is { } refusal)
        {
            throw refusal.NotFound ? new PduNotFoundException(refusal.Message)
                : refusal.Conflict ? new InspectionStateException(refusal.Message)
                : new InvalidRequestException([new FieldViolation(refusal.Field, refusal.Message)]);
        }

        var changed = _registry.With(change);
        if (SameAs(changed))
        {
            return View(); // made already: a retry, or the data file has it
        }

        state.State.Changes.Add(StoredRegistryChange.From(change));
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Changes.RemoveAt(state.State.Changes.Count - 1);
            throw;
        }

        (_registry, _view) = (changed, null);
        return View();
    }

    private bool SameAs(PduRegistry changed) =>
        changed.Regions.SequenceEqual(_registry.Regions) && changed.Pdus.SequenceEqual(_registry.Pdus);

    private RegistryView View() => _view ??= new RegistryView(state.State.Changes.Count, _registry.Regions, _registry.Pdus,
        [.. state.State.Changes.Select(c => c.ToChange())]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored registry change ({Kind} {PduId} {Region}) is left out: {Reason}")]
    private partial void LogChangeSkipped(RegistryChangeKind kind, string pduId, string region, string reason);
}
