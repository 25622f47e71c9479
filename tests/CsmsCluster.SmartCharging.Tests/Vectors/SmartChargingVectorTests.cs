using System.Text.Json;
using static CsmsCluster.SmartCharging.Tests.Vectors.VectorSite;

namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>Every vector of smart-charging-vectors.json, asserted exactly (to 0.1 A).</summary>
public sealed class SmartChargingVectorTests
{
    public static TheoryData<string> Names => VectorFile.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_AllocatesAsExpected(string name)
    {
        var vector = VectorFile.Get(name);
        switch (name)
        {
            case "TV1" or "TV2" or "TV3" or "TV7b":
                StaticVector(vector);
                break;
            case "TV4":
                RotationVectors.Tv4(vector);
                break;
            case "TV5":
                DonationVectors.Tv5(vector);
                break;
            case "TV6a":
                PhaseVectors.Tv6a(vector);
                break;
            case "TV6b":
                PhaseVectors.Tv6b(vector);
                break;
            case "TV7a":
                GridVectors.Tv7a(vector);
                break;
            case "TV8":
                PriorityVectors.Tv8(vector);
                break;
            case "TV9":
                ActivationVectors.Tv9(vector);
                break;
            default:
                Assert.Fail($"Vector {name} has no driver: add one so every vector in the file is asserted.");
                break;
        }
    }

    /// <summary>One allocation: connectors are the expect keys; optional max overrides and shared chargers.</summary>
    private static void StaticVector(JsonElement vector)
    {
        var expect = vector.GetProperty("expect");
        var ids = VectorFile.Keys(expect);
        var shared = vector.EnumerateObject().Where(p => p.Name.StartsWith("charger_", StringComparison.Ordinal))
            .Select(p => (Id: p.Name["charger_".Length..], Connectors: p.Value.GetProperty("connectors").EnumerateArray().Select(e => e.GetString()!).ToList(), Cap: p.Value.GetProperty("cap").GetDouble()))
            .ToList();
        var connectors = Arrivals(ids).Select(c =>
        {
            var charger = shared.FirstOrDefault(s => s.Connectors.Contains(c.Id)).Id ?? c.ChargerId;
            var max = vector.TryGetProperty("max", out var m) && m.TryGetProperty(c.Id, out var v) ? v.GetDouble() : 32;
            // TV7b: "all admitted long ago".
            var session = vector.TryGetProperty("note", out _) ? AdmittedLongAgo(c) : c.Session;
            return c with { ChargerId = charger, MaxCurrent = max, Session = session };
        }).ToList();
        var limit = vector.TryGetProperty("site", out var site) ? site.GetDouble() : vector.GetProperty("site_now").GetDouble();
        var inputs = Site(limit, connectors, [.. shared.Select(s => new ChargerInput(s.Id, s.Cap))]);

        Assert.Equal(VectorFile.Format(expect), Format(SiteAllocator.Allocate(T0, inputs), ids));
    }
}
