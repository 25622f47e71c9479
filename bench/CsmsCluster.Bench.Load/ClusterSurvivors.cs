namespace CsmsCluster.Bench.Load;

/// <summary>
/// S5's nodes that must stay up: all of them until the kill, then all but the killed one. A node that dies besides
/// it leaves its chargers' calls retrying for minutes, so the run stops at once with that node's log tail instead.
/// </summary>
public sealed class ClusterSurvivors(IReadOnlyList<TargetProcess> nodes, IReadOnlyList<string> names)
{
    private int _killed = -1;

    /// <summary>Records that node <paramref name="index"/> was killed on purpose.</summary>
    public void Killed(int index) => _killed = index;

    /// <exception cref="InvalidOperationException">A node other than the killed one has exited.</exception>
    public void ThrowIfOneDied()
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (i != _killed && !nodes[i].IsAlive)
            {
                throw new InvalidOperationException(
                    $"S5: {names[i]} exited, and {(_killed < 0 ? "no node" : $"only {names[_killed]}")} was killed. Its log ends:\n{nodes[i].LogTail(40)}");
            }
        }
    }
}
