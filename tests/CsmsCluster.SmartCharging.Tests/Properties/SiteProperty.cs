using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>
/// Runs a check over random sites with FsCheck: a fixed replay seed makes every run draw the same site seeds, so a
/// failure names a seed that <see cref="RandomSite.Create"/> reproduces.
/// </summary>
internal static class SiteProperty
{
    public const int Sites = 2_000;

    /// <summary>2,000 cases from a fixed replay seed: every run draws the same cases.</summary>
    public static readonly Config Config = Config.QuickThrowOnFailure
        .WithMaxTest(Sites)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20250310UL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    /// <summary>Checks <paramref name="check"/> (which asserts) on <see cref="Sites"/> random sites.</summary>
    public static void Check(Action<SiteCase> check) =>
        FsCheck.Check.One(Config, Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), (int seed) => check(SiteCase.Create(seed))));
}
