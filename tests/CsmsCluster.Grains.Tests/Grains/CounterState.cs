namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>State of <see cref="StateGrain"/>.</summary>
public sealed class CounterState
{
    public int Value { get; set; }
}
