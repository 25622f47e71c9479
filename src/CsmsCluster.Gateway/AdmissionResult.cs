namespace CsmsCluster.Gateway;

/// <summary>The answer of <see cref="ConnectionAdmission.TryAdmit"/>.</summary>
internal enum AdmissionResult
{
    /// <summary>Admitted; the caller holds a connection slot until it calls <see cref="ConnectionAdmission.Release"/>.</summary>
    Admitted,

    /// <summary>The node holds <see cref="OcppGatewayOptions.MaxConnections"/> connections already.</summary>
    AtCapacity,

    /// <summary>The node's upgrade bucket is empty (<see cref="OcppGatewayOptions.MaxUpgradesPerSecond"/>).</summary>
    UpgradeRateExceeded,
}
