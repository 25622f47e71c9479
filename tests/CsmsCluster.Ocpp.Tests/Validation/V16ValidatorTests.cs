using static CsmsCluster.Ocpp.Tests.Validation.ValidationAssert;

namespace CsmsCluster.Ocpp.Tests.Validation;

public sealed class V16ValidatorTests
{
    private const OcppVersion V16 = OcppVersion.V16;
    private const OcppPayloadKind Request = OcppPayloadKind.Request;
    private const OcppPayloadKind Response = OcppPayloadKind.Response;

    private const string StartTransaction = """{"connectorId":1,"idTag":"04A2B3C4D5E6F7","meterStart":1250,"timestamp":"2026-01-02T03:04:05Z"}""";

    [Fact]
    public void BootNotification_ValidRequest_Passes()
    {
        Valid(V16, "BootNotification", Request,
            """{"chargePointVendor":"VendorX","chargePointModel":"ModelY","chargePointSerialNumber":"S-1","firmwareVersion":"1.0"}""");
    }

    [Fact]
    public void BootNotification_ValidResponse_Passes()
    {
        Valid(V16, "BootNotification", Response, """{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":300}""");
    }

    [Fact]
    public void BootNotification_MissingRequired_IsOccurrenceViolationAtTheProperty()
    {
        Invalid(V16, "BootNotification", Request, """{"chargePointVendor":"VendorX"}""",
            OcppErrorCode.OccurrenceConstraintViolation, "/chargePointModel", "required property missing");
    }

    [Fact]
    public void BootNotification_MissingSeveralRequired_ReportsTheFirstInSchemaOrder()
    {
        Invalid(V16, "BootNotification", Request, "{}",
            OcppErrorCode.OccurrenceConstraintViolation, "/chargePointVendor", "required property missing");
    }

    [Fact]
    public void BootNotification_TooLongString_IsPropertyViolation()
    {
        // This schema copy allows 50 characters (the 1.6 specification text says CiString20).
        Invalid(V16, "BootNotification", Request, $$"""{"chargePointVendor":"{{new string('v', 51)}}","chargePointModel":"M"}""",
            OcppErrorCode.PropertyConstraintViolation, "/chargePointVendor", "string longer than maxLength 50");
    }

    [Fact]
    public void BootNotification_AdditionalProperty_IsPropertyViolation()
    {
        Invalid(V16, "BootNotification", Request, """{"chargePointVendor":"V","chargePointModel":"M","color":"red"}""",
            OcppErrorCode.PropertyConstraintViolation, "/color", "additional property not allowed");
    }

    [Fact]
    public void BootNotification_BadEnumInResponse_IsPropertyViolation()
    {
        Invalid(V16, "BootNotification", Response, """{"status":"accepted","currentTime":"2013-02-01T20:53:32Z","interval":300}""",
            OcppErrorCode.PropertyConstraintViolation, "/status", "value \"accepted\" is not a valid RegistrationStatus");
    }

    [Fact]
    public void StartTransaction_ValidRequest_Passes()
    {
        Valid(V16, "StartTransaction", Request, StartTransaction);
    }

    [Fact]
    public void StartTransaction_ValidResponse_Passes()
    {
        Valid(V16, "StartTransaction", Response,
            """{"idTagInfo":{"status":"Accepted","expiryDate":"2026-12-31T23:59:59+02:00","parentIdTag":"P"},"transactionId":17}""");
    }

    [Fact]
    public void StartTransaction_ConnectorIdAsString_IsTypeViolation()
    {
        Invalid(V16, "StartTransaction", Request, """{"connectorId":"1","idTag":"A","meterStart":0,"timestamp":"2026-01-02T03:04:05Z"}""",
            OcppErrorCode.TypeConstraintViolation, "/connectorId", "expected integer, found string");
    }

    [Theory]
    [InlineData("1.5", "expected integer, found number")]
    [InlineData("1e3", "expected integer, found number")]
    [InlineData("null", "expected integer, found null")]
    [InlineData("true", "expected integer, found boolean")]
    [InlineData("{}", "expected integer, found object")]
    [InlineData("3000000000", "integer outside the 32-bit range")]
    public void StartTransaction_MeterStartNotAnInt_IsTypeViolation(string value, string message)
    {
        Invalid(V16, "StartTransaction", Request, $$"""{"connectorId":1,"idTag":"A","meterStart":{{value}},"timestamp":"2026-01-02T03:04:05Z"}""",
            OcppErrorCode.TypeConstraintViolation, "/meterStart", message);
    }

    [Theory]
    [InlineData("2026-01-02T03:04:05")]
    [InlineData("2026-01-02 03:04:05Z")]
    [InlineData("2026-02-30T03:04:05Z")]
    [InlineData("2026-01-02T24:00:00Z")]
    [InlineData("2026-01-02T03:04:05.Z")]
    [InlineData("2026-01-02T03:04:05+0100")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void StartTransaction_BadDateTime_IsPropertyViolation(string timestamp)
    {
        Invalid(V16, "StartTransaction", Request, $$"""{"connectorId":1,"idTag":"A","meterStart":0,"timestamp":"{{timestamp}}"}""",
            OcppErrorCode.PropertyConstraintViolation, "/timestamp", "string is not an RFC 3339 date-time");
    }

    [Theory]
    [InlineData("2026-01-02T03:04:05Z")]
    [InlineData("2026-01-02t03:04:05z")]
    [InlineData("2026-01-02T03:04:05.123456789-05:30")]
    [InlineData("2024-02-29T00:00:00+00:00")]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("2026-01-02T03:04:05\\u002B01:00")]
    public void StartTransaction_Rfc3339DateTimes_Pass(string timestamp)
    {
        Valid(V16, "StartTransaction", Request, $$"""{"connectorId":1,"idTag":"A","meterStart":0,"timestamp":"{{timestamp}}"}""");
    }

    [Fact]
    public void StartTransaction_MaxLengthCountsCharactersNotBytesOrEscapes()
    {
        // 20 two-byte characters, and 20 characters written as \u escapes: both are exactly maxLength 20.
        Valid(V16, "StartTransaction", Request, $$"""{"connectorId":1,"idTag":"{{new string('ä', 20)}}","meterStart":0,"timestamp":"2026-01-02T03:04:05Z"}""");
        Valid(V16, "StartTransaction", Request, $$"""{"connectorId":1,"idTag":"{{string.Concat(Enumerable.Repeat("\\u0041", 20))}}","meterStart":0,"timestamp":"2026-01-02T03:04:05Z"}""");
        Invalid(V16, "StartTransaction", Request, $$"""{"connectorId":1,"idTag":"{{new string('ä', 21)}}","meterStart":0,"timestamp":"2026-01-02T03:04:05Z"}""",
            OcppErrorCode.PropertyConstraintViolation, "/idTag", "string longer than maxLength 20");
    }

    [Fact]
    public void StartTransaction_SeveralViolations_ReportsTheFirstInDocumentOrder()
    {
        Invalid(V16, "StartTransaction", Request, """{"idTag":"123456789012345678901","connectorId":"x"}""",
            OcppErrorCode.PropertyConstraintViolation, "/idTag", "string longer than maxLength 20");
    }

    [Fact]
    public void StartTransaction_NestedBadEnumInResponse_HasNestedPath()
    {
        Invalid(V16, "StartTransaction", Response, """{"idTagInfo":{"status":"Maybe"},"transactionId":1}""",
            OcppErrorCode.PropertyConstraintViolation, "/idTagInfo/status", "value \"Maybe\" is not a valid AuthorizationStatus");
    }

    [Theory]
    [InlineData("""{"connectorId":1,""")]
    [InlineData("""{"connectorId":1}}""")]
    [InlineData("")]
    [InlineData("{'connectorId':1}")]
    public void StartTransaction_InvalidJson_IsFormationViolation(string json)
    {
        var result = Validate(V16, "StartTransaction", Request, json);

        Assert.False(result.IsValid);
        Assert.Equal(OcppErrorCode.FormationViolation, result.ErrorCode);
        Assert.Equal(string.Empty, result.Path);
    }

    [Fact]
    public void StartTransaction_PayloadNotAnObject_IsTypeViolationAtTheRoot()
    {
        Invalid(V16, "StartTransaction", Request, "[]", OcppErrorCode.TypeConstraintViolation, "", "expected object, found array");
    }

    [Fact]
    public void MeterValues_ValidRequestWithDottedEnums_Passes()
    {
        Valid(V16, "MeterValues", Request, """
            {"connectorId":1,"transactionId":5,"meterValue":[{"timestamp":"2026-01-02T03:04:05Z","sampledValue":[
              {"value":"123.4","context":"Sample.Periodic","format":"Raw","measurand":"Energy.Active.Import.Register","phase":"L1-N","location":"Outlet","unit":"kWh"},
              {"value":"16"}]}]}
            """);
    }

    [Fact]
    public void MeterValues_BadUnitDeepInside_HasArrayIndexesInPath()
    {
        Invalid(V16, "MeterValues", Request, """
            {"connectorId":1,"meterValue":[{"timestamp":"2026-01-02T03:04:05Z","sampledValue":[{"value":"1"},{"value":"2","unit":"Joule"}]}]}
            """,
            OcppErrorCode.PropertyConstraintViolation, "/meterValue/0/sampledValue/1/unit", "value \"Joule\" is not a valid UnitOfMeasure");
    }

    [Fact]
    public void MeterValues_MissingNestedRequired_IsOccurrenceViolation()
    {
        Invalid(V16, "MeterValues", Request, """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-02T03:04:05Z"}]}""",
            OcppErrorCode.OccurrenceConstraintViolation, "/meterValue/0/sampledValue", "required property missing");
    }

    [Fact]
    public void MeterValues_ArrayAsObject_IsTypeViolation()
    {
        Invalid(V16, "MeterValues", Request, """{"connectorId":1,"meterValue":{}}""",
            OcppErrorCode.TypeConstraintViolation, "/meterValue", "expected array, found object");
    }

    [Fact]
    public void MeterValues_NestedObjectWithoutAdditionalPropertiesFalse_AllowsUnknownProperties()
    {
        Valid(V16, "MeterValues", Request,
            """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-02T03:04:05Z","sampledValue":[{"value":"1","vendorExtra":{"a":[1]}}]}]}""");
    }

    [Fact]
    public void StatusNotification_ValidRequest_Passes()
    {
        Valid(V16, "StatusNotification", Request,
            """{"connectorId":0,"errorCode":"NoError","status":"Available","timestamp":"2026-01-02T03:04:05Z","info":"ok","vendorId":"V","vendorErrorCode":"E0"}""");
    }

    [Fact]
    public void StatusNotification_BadEnum_IsPropertyViolation()
    {
        Invalid(V16, "StatusNotification", Request, """{"connectorId":1,"errorCode":"NoError","status":"Busy"}""",
            OcppErrorCode.PropertyConstraintViolation, "/status", "value \"Busy\" is not a valid ChargePointStatus");
    }

    [Fact]
    public void StatusNotification_EnumAsNumber_IsTypeViolation()
    {
        Invalid(V16, "StatusNotification", Request, """{"connectorId":1,"errorCode":0,"status":"Available"}""",
            OcppErrorCode.TypeConstraintViolation, "/errorCode", "expected string, found number");
    }

    [Fact]
    public void SetChargingProfile_ValidRequest_Passes()
    {
        Valid(V16, "SetChargingProfile", Request, """
            {"connectorId":1,"csChargingProfiles":{"chargingProfileId":7,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile",
             "chargingProfileKind":"Recurring","recurrencyKind":"Daily","validFrom":"2026-01-01T00:00:00Z",
             "chargingSchedule":{"duration":86400,"startSchedule":"2026-01-01T00:00:00Z","chargingRateUnit":"A",
               "chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0},{"startPeriod":3600,"limit":10.5,"numberPhases":3}],"minChargingRate":6.1}}}
            """);
    }

    [Fact]
    public void SetChargingProfile_LimitNotMultipleOfTenth_IsPropertyViolation()
    {
        Invalid(V16, "SetChargingProfile", Request, """
            {"connectorId":1,"csChargingProfiles":{"chargingProfileId":7,"stackLevel":0,"chargingProfilePurpose":"TxProfile",
             "chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.05}]}}}
            """,
            OcppErrorCode.PropertyConstraintViolation, "/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit", "value not a multiple of 0.1");
    }

    [Fact]
    public void SetChargingProfile_MissingNestedRequired_IsOccurrenceViolation()
    {
        Invalid(V16, "SetChargingProfile", Request, """
            {"connectorId":1,"csChargingProfiles":{"chargingProfileId":7,"stackLevel":0,"chargingProfilePurpose":"TxProfile",
             "chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"W"}}}
            """,
            OcppErrorCode.OccurrenceConstraintViolation, "/csChargingProfiles/chargingSchedule/chargingSchedulePeriod", "required property missing");
    }

    [Fact]
    public void GetInstalledCertificateIds_EmptyArrayBelowMinItems_IsOccurrenceViolation()
    {
        Invalid(V16, "GetInstalledCertificateIds", Response, """{"status":"Accepted","certificateHashData":[]}""",
            OcppErrorCode.OccurrenceConstraintViolation, "/certificateHashData", "array has fewer than minItems 1 items");
    }

    [Theory]
    [InlineData("ftp://user:pw@example.com/diag/", true)]
    [InlineData("https://example.com/a%20b?x=1#f", true)]
    [InlineData("not a uri", false)]
    [InlineData("/relative/path", false)]
    [InlineData("http://example.com/%zz", false)]
    public void GetDiagnostics_LocationMustBeAUri(string location, bool valid)
    {
        var json = $$"""{"location":"{{location}}"}""";
        if (valid)
        {
            Valid(V16, "GetDiagnostics", Request, json);
        }
        else
        {
            Invalid(V16, "GetDiagnostics", Request, json, OcppErrorCode.PropertyConstraintViolation, "/location", "string is not a URI");
        }
    }

    [Fact]
    public void Heartbeat_AnyProperty_IsPropertyViolation()
    {
        Valid(V16, "Heartbeat", Request, "{}");
        Invalid(V16, "Heartbeat", Request, """{"x":1}""", OcppErrorCode.PropertyConstraintViolation, "/x", "additional property not allowed");
    }

    [Fact]
    public void DataTransfer_PropertyNameWithSlash_IsEscapedInPath()
    {
        Invalid(V16, "DataTransfer", Request, """{"vendorId":"V","a/b~c":1}""",
            OcppErrorCode.PropertyConstraintViolation, "/a~1b~0c", "additional property not allowed");
    }
}
