namespace CsmsCluster.Ocpp.Generator.Naming;

/// <summary>
/// Names the types of inline schemas, which have no name of their own (all of OCPP 1.6's original messages). Types
/// from <c>definitions</c> keep their definition name, as in 2.0.1.
/// </summary>
internal sealed class TypeNamer(IReadOnlyDictionary<string, string> objectNames, IReadOnlyDictionary<string, string> enumNames)
{
    /// <summary>For schemas whose inline types need no special names.</summary>
    public static TypeNamer Default { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>
    /// The OCPP 1.6 names (OCPP 1.6 §7 "Types") for the inline types of its messages, so the generated code reads
    /// like the specification.
    /// </summary>
    public static TypeNamer V16 { get; } = new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["configurationKey"] = "KeyValue",
            ["csChargingProfiles"] = "ChargingProfile",
            ["localAuthorizationList"] = "AuthorizationData",
            ["transactionData"] = "MeterValue",
        },
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["IdTagInfo.status"] = "AuthorizationStatus",
            ["BootNotificationResponse.status"] = "RegistrationStatus",
            ["CancelReservationResponse.status"] = "CancelReservationStatus",
            ["ChangeAvailabilityRequest.type"] = "AvailabilityType",
            ["ChangeAvailabilityResponse.status"] = "AvailabilityStatus",
            ["ChangeConfigurationResponse.status"] = "ConfigurationStatus",
            ["ClearCacheResponse.status"] = "ClearCacheStatus",
            ["ClearChargingProfileResponse.status"] = "ClearChargingProfileStatus",
            ["DataTransferResponse.status"] = "DataTransferStatus",
            ["DiagnosticsStatusNotificationRequest.status"] = "DiagnosticsStatus",
            ["FirmwareStatusNotificationRequest.status"] = "FirmwareStatus",
            ["GetCompositeScheduleResponse.status"] = "GetCompositeScheduleStatus",
            ["RemoteStartTransactionResponse.status"] = "RemoteStartStopStatus",
            ["RemoteStopTransactionResponse.status"] = "RemoteStartStopStatus",
            ["ReserveNowResponse.status"] = "ReservationStatus",
            ["ResetRequest.type"] = "ResetType",
            ["ResetResponse.status"] = "ResetStatus",
            ["SendLocalListRequest.updateType"] = "UpdateType",
            ["SendLocalListResponse.status"] = "UpdateStatus",
            ["SetChargingProfileResponse.status"] = "ChargingProfileStatus",
            ["StatusNotificationRequest.errorCode"] = "ChargePointErrorCode",
            ["StatusNotificationRequest.status"] = "ChargePointStatus",
            ["StopTransactionRequest.reason"] = "Reason",
            ["TriggerMessageRequest.requestedMessage"] = "MessageTrigger",
            ["TriggerMessageResponse.status"] = "TriggerMessageStatus",
            ["UnlockConnectorResponse.status"] = "UnlockStatus",
            ["*.chargingProfileKind"] = "ChargingProfileKindType",
            ["*.chargingProfilePurpose"] = "ChargingProfilePurposeType",
            ["*.chargingRateUnit"] = "ChargingRateUnitType",
            ["*.recurrencyKind"] = "RecurrencyKindType",
            ["SampledValue.context"] = "ReadingContext",
            ["SampledValue.format"] = "ValueFormat",
            ["SampledValue.location"] = "Location",
            ["SampledValue.measurand"] = "Measurand",
            ["SampledValue.phase"] = "Phase",
            ["SampledValue.unit"] = "UnitOfMeasure",
        });

    /// <summary>The class for an inline object under <paramref name="property"/> (or the items of that array property).</summary>
    public string ObjectName(string property) =>
        objectNames.TryGetValue(property, out var name) ? name : Identifiers.Pascal(property);

    /// <summary>The enum for an inline <c>enum</c> at <paramref name="owner"/>.<paramref name="property"/>.</summary>
    /// <remarks>Without a table entry the name is owner plus property, e.g. <c>ResetRequestType</c>, so it cannot collide.</remarks>
    public string EnumName(string owner, string property) =>
        enumNames.TryGetValue($"{owner}.{property}", out var name) || enumNames.TryGetValue($"*.{property}", out name)
            ? name
            : owner + Identifiers.Pascal(property);
}
