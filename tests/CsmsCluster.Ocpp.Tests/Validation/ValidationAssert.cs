using System.Text;

namespace CsmsCluster.Ocpp.Tests.Validation;

/// <summary>Validates payloads through the public registry, the way the gateway does.</summary>
internal static class ValidationAssert
{
    public static OcppValidationResult Validate(OcppVersion version, string action, OcppPayloadKind kind, string json)
    {
        Assert.True(OcppSchemas.TryGetValidator(version, action, kind, out var validator));
        return validator.Validate(Encoding.UTF8.GetBytes(json));
    }

    public static void Valid(OcppVersion version, string action, OcppPayloadKind kind, string json)
    {
        var result = Validate(version, action, kind, json);
        Assert.True(result.IsValid, result.ToString());
    }

    public static void Invalid(
        OcppVersion version, string action, OcppPayloadKind kind, string json, OcppErrorCode code, string path, string message)
    {
        var result = Validate(version, action, kind, json);
        Assert.False(result.IsValid);
        Assert.Equal((code, path, message), (result.ErrorCode, result.Path, result.Message));
    }
}
