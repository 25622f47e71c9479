using System.Text.Json;
using static CsmsCluster.SmartCharging.Tests.Vectors.VectorSite;

namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>TV5: k2 draws less than it gets, donates to k1 after two samples, then reclaims.</summary>
internal static class DonationVectors
{
    public static void Tv5(JsonElement vector)
    {
        string[] ids = ["k1", "k2"];
        var connectors = Arrivals(ids).Select(c => c with { Session = AdmittedLongAgo(c) }).ToList();
        var limit = vector.GetProperty("site").GetDouble();
        var initial = SiteAllocator.Allocate(T0, Site(limit, connectors));
        Assert.Equal(VectorFile.Format(vector.GetProperty("expect_initial")), Format(initial, ids));

        var installed = initial.For("k2").Current;
        var measured = vector.GetProperty("k2_measured_A").GetDouble();
        var first = DonationTracker.Observe(DonationState.Initial(32), installed, measured, 6, 32);
        Assert.Equal(32, first.Demand);
        var second = DonationTracker.Observe(first, installed, measured, 6, 32);
        connectors[1] = connectors[1] with { Demand = second.Demand };
        var donated = SiteAllocator.Allocate(T0.AddSeconds(20), Site(limit, connectors));
        Assert.Equal(VectorFile.Format(vector.GetProperty("expect_after_donation")), Format(donated, ids));

        var lowered = donated.For("k2").Current;
        Assert.Equal(vector.GetProperty("k2_reclaim_threshold_A").GetDouble(), Math.Round(DonationTracker.ReclaimThreshold(lowered), 2));
        var reclaimed = DonationTracker.Observe(second, lowered, vector.GetProperty("k2_measured_A_later").GetDouble(), 6, 32);
        connectors[1] = connectors[1] with { Demand = reclaimed.Demand };
        var after = SiteAllocator.Allocate(T0.AddSeconds(40), Site(limit, connectors));
        Assert.Equal(VectorFile.Format(vector.GetProperty("expect_after_reclaim")), Format(after, ids));
    }
}
