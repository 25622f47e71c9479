namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>
/// Spec step 3, written as a sort key: priority desc; protected (admitted less than T_rot ago) by admission time;
/// waiting by queue time; served T_rot or longer with the longest-served last; yielded (queued after being admitted,
/// less than T_rot ago) by queue time; then session start, then id.
/// </summary>
internal sealed class OracleOrder(DateTimeOffset now, TimeSpan rotation) : IComparer<ConnectorInput>
{
    public int Compare(ConnectorInput? x, ConnectorInput? y) =>
        Comparer<(int, int, long, long, string)>.Default.Compare(Key(x!), Key(y!));

    private (int, int, long, long, string) Key(ConnectorInput c)
    {
        var s = c.Session!;
        return s.AdmittedSince switch
        {
            null when s.QueuedSince is { } q && now - q < rotation => (-c.Priority, 3, q.UtcTicks, s.Start.UtcTicks, c.Id),
            null => (-c.Priority, 1, (s.QueuedSince ?? s.Start).UtcTicks, s.Start.UtcTicks, c.Id),
            { } a when now - a < rotation => (-c.Priority, 0, a.UtcTicks, s.Start.UtcTicks, c.Id),
            { } a => (-c.Priority, 2, -a.UtcTicks, -s.Start.UtcTicks, c.Id),
        };
    }
}
