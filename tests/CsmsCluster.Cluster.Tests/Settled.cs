namespace CsmsCluster.Cluster.Tests;

internal static class Settled
{
    /// <summary>Waits until every given silo has adopted a settled view of exactly <paramref name="hosts"/> grain hosts.</summary>
    public static Task ViewAsync(IEnumerable<TestSilo> silos, int hosts, TimeSpan? timeout = null)
    {
        var list = silos.ToList();
        return Eventually.WaitAsync(
            () => list.All(s => s.Agent.Current is { IsSettled: true } view && view.Hosts.Count == hosts),
            timeout ?? TimeSpan.FromSeconds(15),
            $"{list.Count} silos in a settled view of {hosts} hosts");
    }
}
