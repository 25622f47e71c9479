namespace CsmsCluster.Domain.Certificates;

/// <summary>A signed chain (PEM, leaf first) or why the request was refused.</summary>
public sealed record CertificateSigningResult(string? ChainPem, string? Error)
{
    /// <summary>Whether the request was signed.</summary>
    public bool Signed => ChainPem is not null;
}
