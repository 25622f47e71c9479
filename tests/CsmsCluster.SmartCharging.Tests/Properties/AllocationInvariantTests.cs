namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>Spec "Invariants" I1-I7 over <see cref="SiteProperty.Sites"/> random sites each.</summary>
public sealed class AllocationInvariantTests
{
    [Fact]
    public void I1_EveryConstraint_HoldsWithFixedLoadAndReserve() => SiteProperty.Check(site =>
    {
        foreach (var row in site.Oracle.Rows)
        {
            // Fixed load alone may exceed a limit; then nothing controllable may be added on that constraint.
            Assert.True(
                site.Load(row) <= Math.Max(0, row.EffectiveLimit) + SiteCase.Tolerance(row),
                $"{site}: {row.Key} carries {site.Load(row)} over effective limit {row.EffectiveLimit}");
        }
    });

    [Fact]
    public void I2_AllocationWithinCapAndMaxAndChargerCap() => SiteProperty.Check(site =>
    {
        foreach (var (a, c) in site.Admitted)
        {
            Assert.True(a.Current <= c.CapA + 1e-9 && c.CapA <= c.Input.MaxCurrent + 1e-9, $"{site}: {a.ConnectorId} {a.Current} A, cap {c.CapA}, max {c.Input.MaxCurrent}");
        }
        foreach (var charger in site.Site.Chargers)
        {
            foreach (var phase in new SitePhase?[] { SitePhase.L1, SitePhase.L2, SitePhase.L3 })
            {
                var sum = site.Site.Connectors
                    .Where(k => k.ChargerId == charger.Id && (k.Phases == 3 || k.Phase is null || k.Phase == phase))
                    .Sum(k => site.For(k.Id).Current);
                Assert.True(sum <= Math.Max(0, charger.Cap) + 1e-6 || sum == 0, $"{site}: {charger.Id} {phase} carries {sum} A over {charger.Cap} A");
            }
        }
    });

    [Fact]
    public void I3_AllocationIsZeroOrBetweenMinAndCap() => SiteProperty.Check(site =>
    {
        foreach (var a in site.Allocation.Connectors)
        {
            var c = site.Oracle.Connectors[a.ConnectorId];
            Assert.True(a.Current == 0 || (a.Current >= c.MinA - 1e-9 && a.Current <= c.CapA + 1e-9), $"{site}: {a.ConnectorId} at {a.Current} A, min {c.MinA}, cap {c.CapA}");
            Assert.True(a.State == ConnectorState.Admitted || a.Current == 0, $"{site}: {a.ConnectorId} {a.State} with {a.Current} A");
        }
    });

    [Fact]
    public void I4_AdmittedSetIsFirstFitInRotationOrder() => SiteProperty.Check(site =>
    {
        var expected = site.Oracle.FirstFit().Order(StringComparer.Ordinal);
        var actual = site.Admitted.Select(a => a.Allocation.ConnectorId).Order(StringComparer.Ordinal);
        Assert.Equal(string.Join(',', expected), string.Join(',', actual));
        var eligible = site.Allocation.Connectors.Where(a => a.State != ConnectorState.NotEligible).Select(a => a.ConnectorId);
        Assert.Equal(site.Oracle.Order.Select(c => c.Id).Order(StringComparer.Ordinal), eligible.Order(StringComparer.Ordinal));
    });

    [Fact]
    public void I5_MaxMinFairWithinAClassOnTheSameConstraints() => SiteProperty.Check(site =>
    {
        var admitted = site.Admitted.ToList();
        var paths = admitted.ToDictionary(x => x.Allocation.ConnectorId, x => string.Join(',', site.Path(x.Allocation.ConnectorId).Select(r => r.Key)));
        foreach (var (ai, ci) in admitted)
        {
            foreach (var (aj, cj) in admitted.Where(x => x.Connector.Input.Priority == ci.Input.Priority && paths[x.Allocation.ConnectorId] == paths[ai.ConnectorId]))
            {
                var tolerance = (ci.Quantum / ci.Input.Weight) + (cj.Quantum / cj.Input.Weight) + 1e-6;
                if (SiteCase.AboveMin(aj, cj) && ai.Allocation / ci.Input.Weight < (aj.Allocation / cj.Input.Weight) - tolerance)
                {
                    Assert.False(SiteCase.BelowCap(ai, ci), $"{site}: {ai.ConnectorId} at {ai.Allocation} below cap {ci.Cap} while {aj.ConnectorId} has {aj.Allocation}");
                }
            }
        }
    });

    [Fact]
    public void I6_WorkConserving_AdmittedBelowCapSitsOnASaturatedConstraint() => SiteProperty.Check(site =>
    {
        foreach (var (a, c) in site.Admitted.Where(x => SiteCase.BelowCap(x.Allocation, x.Connector)))
        {
            Assert.True(site.Path(a.ConnectorId).Any(site.Saturated), $"{site}: {a.ConnectorId} at {a.Allocation} below cap {c.Cap} with slack on every constraint");
        }
    });

    [Fact]
    public void I7_StrictPriority_LowerClassAboveMinOnlyWhenHigherClassesOnTheBindingConstraintAreAtCap() => SiteProperty.Check(site =>
    {
        var admitted = site.Admitted.ToList();
        foreach (var (a, c) in admitted.Where(x => SiteCase.BelowCap(x.Allocation, x.Connector)))
        {
            var blocked = site.Path(a.ConnectorId).Any(row => site.Saturated(row) && admitted.All(x =>
                x.Connector.Input.Priority >= c.Input.Priority || !row.Coefficients.ContainsKey(x.Allocation.ConnectorId) || !SiteCase.AboveMin(x.Allocation, x.Connector)));
            Assert.True(blocked, $"{site}: {a.ConnectorId} (priority {c.Input.Priority}) below cap while a lower class is above its minimum on every saturated constraint");
        }
    });
}
