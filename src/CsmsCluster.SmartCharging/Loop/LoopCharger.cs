namespace CsmsCluster.SmartCharging.Loop;

/// <summary>A charger as the loop keeps it (persisted with the site).</summary>
public sealed class LoopCharger
{
    /// <summary>The charge point id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Whether it is connected.</summary>
    public bool Online { get; set; }

    /// <summary>Hardware maximum in A per phase (32 A until registered).</summary>
    public double Cap { get; set; } = 32;

    /// <summary>Registered phases, if known.</summary>
    public int? Phases { get; set; }

    /// <summary>True when the ChargePointMaxProfile backstop must be (re)sent, e.g. after a reconnect.</summary>
    public bool BackstopRequired { get; set; } = true;

    /// <summary>The sequence of the backstop send awaiting an answer.</summary>
    public long? BackstopSequence { get; set; }
}
