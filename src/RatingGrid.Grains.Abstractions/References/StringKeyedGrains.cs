using System.Runtime.CompilerServices;
using Orleans.Metadata;

namespace RatingGrid.Grains.Abstractions.References;

/// <summary>
/// References to string-keyed grains of one interface, made without Orleans resolving the interface
/// by reflection on every call: <c>IGrainFactory.GetGrain&lt;T&gt;(string)</c> reads the interface's
/// attributes each time (about 3% of the judgement stream's CPU, measured), while the grain and
/// interface types it resolves to are fixed for each factory's life.
/// </summary>
public static class StringKeyedGrains
{
    public static TGrain Get<TGrain>(this IGrainFactory grains, string key)
        where TGrain : IGrainWithStringKey
    {
        var types = Types<TGrain>.Of(grains);
        return types.Known
            ? (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface)
            : grains.GetGrain<TGrain>(key);
    }

    private static class Types<TGrain>
        where TGrain : IGrainWithStringKey
    {
        private static readonly ConditionalWeakTable<IGrainFactory, ResolvedTypes> ByFactory = [];

        // Read from a reference Orleans' factory makes itself (an internal type, known by its
        // assembly); any other factory (a test double) is asked every time.
        public static ResolvedTypes Of(IGrainFactory grains) => ByFactory.GetValue(grains, static factory =>
            factory.GetType().Assembly == typeof(GrainInterfaceTypeResolver).Assembly && factory.GetGrain<TGrain>("-") is GrainReference sample
                ? new ResolvedTypes(true, sample.GrainId.Type, sample.InterfaceType)
                : new ResolvedTypes(false, default, default));
    }

    private sealed record ResolvedTypes(bool Known, GrainType Grain, GrainInterfaceType Interface);
}
