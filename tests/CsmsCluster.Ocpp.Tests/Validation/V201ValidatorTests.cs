using static CsmsCluster.Ocpp.Tests.Validation.ValidationAssert;

namespace CsmsCluster.Ocpp.Tests.Validation;

public sealed class V201ValidatorTests
{
    private const OcppVersion V201 = OcppVersion.V201;
    private const OcppPayloadKind Request = OcppPayloadKind.Request;

    private const string TransactionEvent = """
        {"eventType":"Updated","timestamp":"2026-01-02T03:04:05.123+01:00","triggerReason":"MeterValuePeriodic","seqNo":3,
         "transactionInfo":{"transactionId":"tx-1","chargingState":"Charging"},
         "evse":{"id":1,"connectorId":1},"idToken":{"idToken":"04A2B3C4","type":"ISO14443"},
         "meterValue":[{"timestamp":"2026-01-02T03:04:05Z","sampledValue":[{"value":1234.5,"measurand":"Energy.Active.Import.Register",
           "unitOfMeasure":{"unit":"Wh","multiplier":0}}]}]}
        """;

    [Fact]
    public void BootNotification_ValidRequest_Passes()
    {
        Valid(V201, "BootNotification", Request,
            """{"chargingStation":{"model":"M1","vendorName":"V","modem":{"iccid":"8931"}},"reason":"PowerUp"}""");
    }

    [Fact]
    public void BootNotification_CustomDataWithVendorProperties_Passes()
    {
        Valid(V201, "BootNotification", Request,
            """{"customData":{"vendorId":"com.example","anything":{"goes":[1,2]}},"chargingStation":{"model":"M1","vendorName":"V"},"reason":"PowerUp"}""");
    }

    [Fact]
    public void BootNotification_CustomDataWithoutVendorId_IsOccurrenceViolation()
    {
        Invalid(V201, "BootNotification", Request, """{"customData":{},"chargingStation":{"model":"M1","vendorName":"V"},"reason":"PowerUp"}""",
            OcppErrorCode.OccurrenceConstraintViolation, "/customData/vendorId", "required property missing");
    }

    [Fact]
    public void BootNotification_MissingReason_IsOccurrenceViolation()
    {
        Invalid(V201, "BootNotification", Request, """{"chargingStation":{"model":"M1","vendorName":"V"}}""",
            OcppErrorCode.OccurrenceConstraintViolation, "/reason", "required property missing");
    }

    [Fact]
    public void BootNotification_TooLongModel_IsPropertyViolation()
    {
        Invalid(V201, "BootNotification", Request, """{"chargingStation":{"model":"123456789012345678901","vendorName":"V"},"reason":"PowerUp"}""",
            OcppErrorCode.PropertyConstraintViolation, "/chargingStation/model", "string longer than maxLength 20");
    }

    [Fact]
    public void BootNotification_AdditionalNestedProperty_IsPropertyViolation()
    {
        Invalid(V201, "BootNotification", Request, """{"chargingStation":{"model":"M","vendorName":"V","colour":"red"},"reason":"PowerUp"}""",
            OcppErrorCode.PropertyConstraintViolation, "/chargingStation/colour", "additional property not allowed");
    }

    [Fact]
    public void BootNotification_BadReason_IsPropertyViolation()
    {
        Invalid(V201, "BootNotification", Request, """{"chargingStation":{"model":"M","vendorName":"V"},"reason":"Boot"}""",
            OcppErrorCode.PropertyConstraintViolation, "/reason", "value \"Boot\" is not a valid BootReasonEnumType");
    }

    [Fact]
    public void BootNotification_StationAsString_IsTypeViolation()
    {
        Invalid(V201, "BootNotification", Request, """{"chargingStation":"M","reason":"PowerUp"}""",
            OcppErrorCode.TypeConstraintViolation, "/chargingStation", "expected object, found string");
    }

    [Fact]
    public void TransactionEvent_ValidRequest_Passes()
    {
        Valid(V201, "TransactionEvent", Request, TransactionEvent);
    }

    [Fact]
    public void TransactionEvent_MinimalRequest_Passes()
    {
        Valid(V201, "TransactionEvent", Request,
            """{"eventType":"Started","timestamp":"2026-01-02T03:04:05Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"}}""");
    }

    [Fact]
    public void TransactionEvent_EmptyMeterValueArray_IsOccurrenceViolation()
    {
        Invalid(V201, "TransactionEvent", Request,
            """{"eventType":"Started","timestamp":"2026-01-02T03:04:05Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"},"meterValue":[]}""",
            OcppErrorCode.OccurrenceConstraintViolation, "/meterValue", "array has fewer than minItems 1 items");
    }

    [Fact]
    public void TransactionEvent_SeqNoAsString_IsTypeViolation()
    {
        Invalid(V201, "TransactionEvent", Request,
            """{"eventType":"Started","timestamp":"2026-01-02T03:04:05Z","triggerReason":"Authorized","seqNo":"0","transactionInfo":{"transactionId":"t"}}""",
            OcppErrorCode.TypeConstraintViolation, "/seqNo", "expected integer, found string");
    }

    [Fact]
    public void TransactionEvent_BadTimestamp_IsPropertyViolation()
    {
        Invalid(V201, "TransactionEvent", Request,
            """{"eventType":"Started","timestamp":"2026-13-02T03:04:05Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"}}""",
            OcppErrorCode.PropertyConstraintViolation, "/timestamp", "string is not an RFC 3339 date-time");
    }

    [Fact]
    public void TransactionEvent_MissingTransactionId_IsOccurrenceViolation()
    {
        Invalid(V201, "TransactionEvent", Request,
            """{"eventType":"Started","timestamp":"2026-01-02T03:04:05Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{}}""",
            OcppErrorCode.OccurrenceConstraintViolation, "/transactionInfo/transactionId", "required property missing");
    }

    [Fact]
    public void TransactionEvent_SampledValueAsString_IsTypeViolation()
    {
        Invalid(V201, "TransactionEvent", Request,
            """{"eventType":"Started","timestamp":"2026-01-02T03:04:05Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"},"meterValue":[{"timestamp":"2026-01-02T03:04:05Z","sampledValue":[{"value":"1"}]}]}""",
            OcppErrorCode.TypeConstraintViolation, "/meterValue/0/sampledValue/0/value", "expected number, found string");
    }

    [Fact]
    public void Authorize_MoreThanMaxItems_IsOccurrenceViolation()
    {
        const string Hash = """{"hashAlgorithm":"SHA256","issuerNameHash":"a","issuerKeyHash":"b","serialNumber":"c","responderURL":"http://x"}""";
        Invalid(V201, "Authorize", Request,
            $$"""{"idToken":{"idToken":"1","type":"Central"},"iso15118CertificateHashData":[{{Hash}},{{Hash}},{{Hash}},{{Hash}},{{Hash}}]}""",
            OcppErrorCode.OccurrenceConstraintViolation, "/iso15118CertificateHashData", "array has more than maxItems 4 items");
    }

    [Theory]
    [InlineData(-1, "value less than minimum 0")]
    [InlineData(101, "value greater than maximum 100")]
    public void NotifyEVChargingNeeds_StateOfChargeOutOfRange_IsPropertyViolation(int soc, string message)
    {
        Invalid(V201, "NotifyEVChargingNeeds", Request,
            """{"evseId":1,"chargingNeeds":{"requestedEnergyTransfer":"DC","dcChargingParameters":{"evMaxCurrent":100,"evMaxVoltage":400,"stateOfCharge":"""
                + soc.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}}",
            OcppErrorCode.PropertyConstraintViolation, "/chargingNeeds/dcChargingParameters/stateOfCharge", message);
    }

    [Fact]
    public void DataTransfer_DataOfAnyType_Passes()
    {
        Valid(V201, "DataTransfer", Request, """{"vendorId":"V","data":{"nested":[1,"two",null]}}""");
        Valid(V201, "DataTransfer", Request, """{"vendorId":"V","data":42}""");
    }
}
