namespace CsmsCluster.SmartCharging;

/// <summary>An activation group: active whenever any of its weekly windows is open (spec "Activation schedules").</summary>
/// <param name="Id">Stable group id.</param>
/// <param name="Windows">Its weekly windows in site local time.</param>
public sealed record ActivationGroup(string Id, IReadOnlyList<WeeklyWindow> Windows);
