using System.Text.Json;
using static CsmsCluster.SmartCharging.Tests.Vectors.VectorSite;

namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>TV8: a priority session arrives, is held at its launch cap, then takes all but the others' minimums.</summary>
internal static class PriorityVectors
{
    public static void Tv8(JsonElement vector)
    {
        var limit = vector.GetProperty("site").GetDouble();
        var before = vector.GetProperty("before");
        var incumbents = Arrivals(VectorFile.Keys(before)).Select(c => c with { Session = AdmittedLongAgo(c) }).ToList();
        Assert.Equal(VectorFile.Format(before), Format(SiteAllocator.Allocate(T0, Site(limit, incumbents)), VectorFile.Keys(before)));

        var launch = vector.GetProperty("expect_launch");
        var ids = VectorFile.Keys(launch);
        var newcomer = Connector("k3", 10) with
        {
            Priority = vector.GetProperty("k3_priority").GetInt32(),
            Session = new ActiveSession(T0) { InLaunch = true },
        };
        var during = SiteAllocator.Allocate(T0, Site(limit, [.. incumbents, newcomer]));
        Assert.Equal(VectorFile.Format(launch), Format(during, ids));

        newcomer = newcomer with { Session = newcomer.Session!.After(during.For("k3").State, T0) with { InLaunch = false } };
        var after = SiteAllocator.Allocate(T0.AddSeconds(60), Site(limit, [.. incumbents, newcomer]));
        Assert.Equal(VectorFile.Format(vector.GetProperty("expect_after_launch")), Format(after, ids));
    }
}
