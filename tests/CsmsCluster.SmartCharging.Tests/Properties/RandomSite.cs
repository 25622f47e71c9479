namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>Random sites from a seed: chargers, feeder trees, phases, priorities, demands, faults, fixed loads.</summary>
internal static class RandomSite
{
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static SiteInputs Create(int seed)
    {
        var random = new Random(seed);
        var watts = random.NextDouble() < 0.3;
        // W sites draw limits in W, scaled as if every phase carried that many amperes.
        var scale = watts ? 230.0 * 3 : 1;
        var feeders = Enumerable.Range(0, random.Next(0, 4))
            .Select(i => new FeederInput($"F{i}", random.Next(0, 120) * scale, i == 0 || random.Next(2) == 0 ? null : $"F{random.Next(0, i)}"))
            .ToList();
        var chargers = Enumerable.Range(0, random.Next(1, 7))
            .Select(i => new ChargerInput($"C{i}", Pick(random, 0, 16, 32, 32, 48, 64, 80))
            {
                FeederId = feeders.Count > 0 && random.Next(3) > 0 ? feeders[random.Next(feeders.Count)].Id : null,
                Online = random.NextDouble() < 0.95,
            })
            .ToList();
        var connectors = chargers.SelectMany(c => Enumerable.Range(0, random.Next(1, 4)).Select(j => Connector(random, $"{c.Id}-{j}", c.Id))).ToList();
        return new SiteInputs(watts ? SiteUnit.Watts : SiteUnit.AmperesPerPhase, random.Next(0, 160) * scale, chargers, connectors)
        {
            Margin = Pick(random, 0, 0.02, 0.05),
            BaseLoad = random.Next(3) == 0 ? random.Next(0, 30) * scale : 0,
            Feeders = feeders,
            GridLimits = random.Next(3) == 0
                ? [new GridLimitStep(Now.AddMinutes(-random.Next(1, 60)), random.Next(0, 160) * scale), new GridLimitStep(Now.AddMinutes(random.Next(0, 60)), 0)]
                : [],
        };
    }

    private static ConnectorInput Connector(Random random, string id, string chargerId)
    {
        var max = Pick(random, 4, 10, 16, 16, 20, 32, 32, 32);
        var min = Pick(random, 6, 6, 6, 6, 6, 6, 8, 6.05, 0);
        var phases = random.Next(10) < 7 ? 3 : 1;
        ActiveSession? session = null;
        if (random.NextDouble() < 0.85)
        {
            var start = Now.AddSeconds(-random.Next(0, 7200));
            var admitted = random.Next(2) == 0 ? start.AddSeconds(random.Next(0, (int)(Now - start).TotalSeconds + 1)) : (DateTimeOffset?)null;
            var queued = admitted is null && random.Next(2) == 0 ? start.AddSeconds(random.Next(0, (int)(Now - start).TotalSeconds + 1)) : (DateTimeOffset?)null;
            session = new ActiveSession(start) { AdmittedSince = admitted, QueuedSince = queued, InLaunch = random.NextDouble() < 0.1 };
        }
        return new ConnectorInput(id, chargerId)
        {
            Session = session,
            AllowedByActivation = random.NextDouble() < 0.9,
            Controllable = random.NextDouble() < 0.92,
            Faulted = random.NextDouble() < 0.04,
            InstalledLimit = random.Next(0, 33),
            MaxCurrent = max,
            MinCurrent = min,
            Priority = random.Next(0, 3),
            Weight = Pick(random, 1, 1, 1, 1, 2, 0.5),
            Phases = phases,
            Phase = phases == 1 && random.Next(10) < 6 ? (SitePhase)random.Next(1, 4) : null,
            Demand = random.Next(5) == 0 ? random.Next(0, 33) + (random.Next(10) / 10.0) : null,
            LaunchCurrent = random.Next(2) == 0 ? null : Pick(random, 6, 8, 10, 16),
            PreArmed = session is null && random.Next(3) == 0,
        };
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
