namespace CsmsCluster.Domain.Certificates;

/// <summary>The certificate authority that signs charger certificates; configuration section <c>Csms:Security:Ca</c>.</summary>
public sealed class CertificateAuthorityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Csms:Security:Ca";

    /// <summary>
    /// Directory holding <c>ca.pem</c> and <c>ca.key.pem</c>. If they do not exist, a local development CA is created
    /// there on first use. Point it at an operator-provided CA for production. Default <c>./data/ca</c>.
    /// </summary>
    public string Directory { get; set; } = "./data/ca";

    /// <summary>Validity of a signed charger certificate. Default 365 days.</summary>
    public TimeSpan LeafValidity { get; set; } = TimeSpan.FromDays(365);
}
