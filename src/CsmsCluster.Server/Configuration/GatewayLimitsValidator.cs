using CsmsCluster.Gateway;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Server.Configuration;

/// <summary>The <c>Csms:Ocpp</c> values the gateway's own checks leave open, which would otherwise fail only on first use.</summary>
internal sealed class GatewayLimitsValidator : IValidateOptions<OcppGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, OcppGatewayOptions options)
    {
        var errors = new List<string>();
        if (options.CloseTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{OcppGatewayOptions.Section}:CloseTimeout must be positive (was {options.CloseTimeout}).");
        }

        if (options.MaxChargePointIdLength < 1)
        {
            errors.Add($"{OcppGatewayOptions.Section}:MaxChargePointIdLength must be at least 1 (was {options.MaxChargePointIdLength}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
