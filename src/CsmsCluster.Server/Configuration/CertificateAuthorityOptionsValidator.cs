using CsmsCluster.Domain.Certificates;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Server.Configuration;

/// <summary><c>Csms:Security:Ca</c>: a bad value would otherwise fail only when the first certificate is signed.</summary>
internal sealed class CertificateAuthorityOptionsValidator : IValidateOptions<CertificateAuthorityOptions>
{
    public ValidateOptionsResult Validate(string? name, CertificateAuthorityOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            errors.Add($"{CertificateAuthorityOptions.Section}:Directory must not be empty.");
        }

        if (options.LeafValidity <= TimeSpan.Zero)
        {
            errors.Add($"{CertificateAuthorityOptions.Section}:LeafValidity must be positive (was {options.LeafValidity}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
