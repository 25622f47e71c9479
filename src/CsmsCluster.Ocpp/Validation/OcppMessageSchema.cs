using System.Text.Json;

namespace CsmsCluster.Ocpp.Validation;

/// <summary>Checks one JSON object; the reader is on its <c>{</c>. Generated per payload type.</summary>
internal delegate ValidationError? PayloadObjectValidator(ref Utf8JsonReader reader);

/// <summary>One action of a version, as listed by the generated <c>V16Messages</c> / <c>V201Messages</c> tables.</summary>
/// <param name="Action">The action name.</param>
/// <param name="Request">The validator of the request payload.</param>
/// <param name="RequestType">The generated request type.</param>
/// <param name="Response">The validator of the response payload.</param>
/// <param name="ResponseType">The generated response type.</param>
internal sealed record OcppMessageSchema(
    string Action, PayloadObjectValidator Request, Type RequestType, PayloadObjectValidator Response, Type ResponseType);
