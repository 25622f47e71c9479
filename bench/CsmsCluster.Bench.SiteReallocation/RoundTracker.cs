using System.Diagnostics;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>
/// The expected CALLs of one round: one TxProfile at every session of every site, received after that site's
/// StartTransaction was written. Receive times were taken by the chargers' receive loops; this only reads them.
/// </summary>
public sealed class RoundTracker(IReadOnlyList<SiteRig> sites, IReadOnlyList<long> started, IReadOnlyList<double> expected)
{
    public async Task<bool> WaitAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!Complete())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }
            await Task.Delay(2);
        }
        return true;
    }

    public RoundResult Result(bool timedOut)
    {
        var siteMs = new List<double>();
        var firstMs = new List<double>();
        int calls = 0, extra = 0, wrong = 0;
        var last = long.MinValue;
        for (var i = 0; i < sites.Count; i++)
        {
            var firsts = new List<long>();
            foreach (var session in sites[i].Sessions)
            {
                var received = session.ProfilesSince(started[i]);
                var tx = received.Where(p => p.Purpose == "TxProfile").ToList();
                extra += received.Count - Math.Min(1, tx.Count);
                if (tx.Count == 0)
                {
                    continue;
                }
                calls++;
                firsts.Add(tx[0].At);
                wrong += Math.Abs(tx[0].Limit - expected[i]) > 1e-6 ? 1 : 0;
            }
            if (firsts.Count > 0)
            {
                siteMs.Add(Milliseconds(started[i], firsts.Max()));
                firstMs.Add(Milliseconds(started[i], firsts.Min()));
                last = Math.Max(last, firsts.Max());
            }
        }
        var overall = last == long.MinValue ? double.PositiveInfinity : Milliseconds(started.Min(), last);
        return new RoundResult(overall, siteMs, firstMs, calls, extra, wrong, timedOut);
    }

    /// <summary>The limit the site's sessions now run (the lowest TxProfile each got), or null when none arrived.</summary>
    public double? NewShare(int site)
    {
        var limits = sites[site].Sessions.SelectMany(s => s.ProfilesSince(started[site]))
            .Where(p => p.Purpose == "TxProfile").Select(p => p.Limit).ToList();
        return limits.Count > 0 && sites[site].Sessions.All(s => s.HasTxProfileSince(started[site])) ? limits.Min() : null;
    }

    private bool Complete()
    {
        for (var i = 0; i < sites.Count; i++)
        {
            foreach (var session in sites[i].Sessions)
            {
                if (!session.HasTxProfileSince(started[i]))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
