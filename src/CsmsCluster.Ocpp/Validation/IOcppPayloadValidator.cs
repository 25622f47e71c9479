namespace CsmsCluster.Ocpp;

/// <summary>
/// Validates the payload of one (version, action, request|response) against its OCPP JSON schema. Implementations
/// are compiled from the schemas by <c>CsmsCluster.Ocpp.Generator</c>; they are stateless and thread-safe.
/// </summary>
/// <remarks>
/// Violations map to CALLERROR codes as follows (OCPP-J 1.6 §4.2.3, 2.0.1 §4.3):
/// <list type="bullet">
/// <item>payload not valid JSON: <see cref="OcppErrorCode.FormationViolation"/>;</item>
/// <item>wrong JSON type (including <c>null</c>, a fraction where an integer is required, or a number outside the
/// range of the generated C# type, <c>int</c> or <c>decimal</c>): <see cref="OcppErrorCode.TypeConstraintViolation"/>;</item>
/// <item>missing required property, <c>minItems</c>, <c>maxItems</c>: <see cref="OcppErrorCode.OccurrenceConstraintViolation"/>;</item>
/// <item><c>enum</c>, <c>maxLength</c>, <c>minimum</c>, <c>maximum</c>, <c>multipleOf</c>, <c>format</c>
/// (<c>date-time</c> per RFC 3339 with <c>Z</c> or an offset; <c>uri</c> per RFC 3986) and a property that
/// <c>additionalProperties: false</c> forbids: <see cref="OcppErrorCode.PropertyConstraintViolation"/>.</item>
/// </list>
/// The first violation in document order is reported; a missing required property is detected when its object ends.
/// </remarks>
public interface IOcppPayloadValidator
{
    /// <summary>The version whose schema this validator enforces.</summary>
    OcppVersion Version { get; }

    /// <summary>The action, e.g. <c>BootNotification</c>.</summary>
    string Action { get; }

    /// <summary>Whether this validates the request or the response of <see cref="Action"/>.</summary>
    OcppPayloadKind Kind { get; }

    /// <summary>Validates one payload.</summary>
    /// <param name="json">The UTF-8 JSON of the payload, e.g. <see cref="OcppFrame.Payload"/>.</param>
    /// <returns>Success, or the first violation.</returns>
    OcppValidationResult Validate(ReadOnlySpan<byte> json);
}
