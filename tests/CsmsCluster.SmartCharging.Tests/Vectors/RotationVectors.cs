using System.Globalization;
using System.Text.Json;
using static CsmsCluster.SmartCharging.Tests.Vectors.VectorSite;

namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>TV4: fair rotation over time; each tick feeds the previous outcome back as the grain will.</summary>
internal static class RotationVectors
{
    public static void Tv4(JsonElement vector)
    {
        var order = vector.GetProperty("arrival_order").EnumerateArray().Select(e => e.GetString()!).ToList();
        var connectors = Arrivals(order);
        var limit = vector.GetProperty("site").GetDouble();
        foreach (var tick in vector.GetProperty("expect").EnumerateObject())
        {
            var now = T0.AddSeconds(int.Parse(tick.Name[1..], CultureInfo.InvariantCulture));
            var allocation = SiteAllocator.Allocate(now, Site(limit, connectors));

            Assert.Equal($"{tick.Name}: {VectorFile.Format(tick.Value)}", $"{tick.Name}: {Format(allocation, order)}");
            connectors = [.. connectors.Select(c => c with { Session = c.Session!.After(allocation.For(c.Id).State, now) })];
        }
    }
}
