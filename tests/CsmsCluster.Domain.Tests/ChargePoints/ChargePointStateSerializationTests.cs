using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Domain.ChargePoints;

namespace CsmsCluster.Domain.Tests.ChargePoints;

/// <summary>A charge point's state read back from storage keeps the ordinal comparers of its keyed collections.</summary>
public sealed class ChargePointStateSerializationTests
{
    [Fact]
    public void RoundTrip_KeepsOrdinalComparers_AndEveryEntry()
    {
        var state = new ChargePointState();
        state.Configuration["b"] = new ConfigurationEntry("b", "1", false, DateTimeOffset.UnixEpoch);
        state.Configuration["B"] = new ConfigurationEntry("B", "2", true, DateTimeOffset.UnixEpoch);
        state.LocalList.Entries["tag-1"] = new LocalListEntry("tag-1", "Accepted", null, null);

        var read = JsonSerializer.Deserialize(JsonSerializer.Serialize(state, ChargePointJsonContext.Default.ChargePointState), ChargePointJsonContext.Default.ChargePointState)!;

        Assert.Same(StringComparer.Ordinal, read.Configuration.Comparer);
        Assert.Same(StringComparer.Ordinal, read.LocalList.Entries.Comparer);
        Assert.Equal(["B", "b"], read.Configuration.Keys);
        Assert.Equal("2", read.Configuration["B"].Value);
        Assert.Equal("Accepted", read.LocalList.Entries["tag-1"].Status);
    }
}
