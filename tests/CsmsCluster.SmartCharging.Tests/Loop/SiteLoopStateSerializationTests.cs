using System.Text.Json;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>The site's state read back from storage keeps its ordinal key order (and the fast comparer).</summary>
public sealed class SiteLoopStateSerializationTests
{
    [Fact]
    public void RoundTrip_KeepsOrdinalComparers_AndEveryEntry()
    {
        var harness = LoopHarness.Converged(40, "cp-b", "CP-A", "cp_c");
        var json = JsonSerializer.Serialize(harness.State);

        var read = JsonSerializer.Deserialize<SiteLoopState>(json)!;

        Assert.Same(StringComparer.Ordinal, read.Connectors.Comparer);
        Assert.Same(StringComparer.Ordinal, read.Chargers.Comparer);
        Assert.Equal(harness.State.Connectors.Keys, read.Connectors.Keys);
        Assert.Equal(["CP-A", "cp-b", "cp_c"], read.Chargers.Keys);
        Assert.Equal(harness.State.Connectors.Values.Select(c => c.Installed), read.Connectors.Values.Select(c => c.Installed));
    }
}
