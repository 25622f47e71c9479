namespace CsmsCluster.Gateway;

/// <summary>Where the CA that charger client certificates must chain to lives; section <c>Csms:Security:Ca</c>.</summary>
public sealed class ChargerCertificateOptions
{
    /// <summary>Configuration section name (shared with the CA that signs charger certificates).</summary>
    public const string Section = "Csms:Security:Ca";

    /// <summary>Directory holding <c>ca.pem</c>, the trust anchor for client certificates. Default <c>./data/ca</c>.</summary>
    public string Directory { get; set; } = "./data/ca";
}
