using System.Globalization;
using System.Text.Json;
using static CsmsCluster.SmartCharging.Tests.Vectors.VectorSite;

namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>TV6a (W site, power fairness) and TV6b (1-phase EVs with known and unknown phases).</summary>
internal static class PhaseVectors
{
    public static void Tv6a(JsonElement vector)
    {
        var expect = vector.GetProperty("expect_A");
        var ids = VectorFile.Keys(expect);
        var connectors = Arrivals(ids).Select(c => c with { Phases = vector.GetProperty($"{c.Id}_phases").GetInt32() }).ToList();
        var inputs = Site(vector.GetProperty("site").GetDouble(), connectors) with { Unit = SiteUnit.Watts };

        var allocation = SiteAllocator.Allocate(T0, inputs);

        Assert.Equal(VectorFile.Format(expect), Format(allocation, ids));
        var phases = vector.GetProperty("expect_numberPhases");
        Assert.Equal(
            string.Join(' ', phases.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}")),
            string.Join(' ', ids.Select(id => $"{id}={allocation.For(id).NumberPhases}")));
        // The site unit is W: the allocation is the quantised current times V * n.
        Assert.All(allocation.Connectors, c => Assert.Equal(c.Current * 230 * c.NumberPhases, c.Allocation, 6));
    }

    public static void Tv6b(JsonElement vector)
    {
        foreach (var known in new[] { true, false })
        {
            var expect = vector.GetProperty(known ? "expect_known_mapping" : "expect_unknown_mapping");
            var ids = VectorFile.Keys(expect);
            var connectors = Arrivals(ids).Select(c => Parse(c, vector.GetProperty("connectors").GetProperty(c.Id).GetString()!, known)).ToList();

            var allocation = SiteAllocator.Allocate(T0, Site(vector.GetProperty("site").GetDouble(), connectors));

            Assert.Equal($"known={known}: {VectorFile.Format(expect)}", $"known={known}: {Format(allocation, ids)}");
        }
    }

    /// <summary>"1ph L1 max16": 1 phase on L1 (when the mapping is known), max 16 A.</summary>
    private static ConnectorInput Parse(ConnectorInput connector, string text, bool known)
    {
        var parts = text.Split(' ');
        return connector with
        {
            Phases = parts[0] == "1ph" ? 1 : 3,
            Phase = known ? Enum.Parse<SitePhase>(parts[1]) : null,
            MaxCurrent = double.Parse(parts[2]["max".Length..], CultureInfo.InvariantCulture),
        };
    }
}
