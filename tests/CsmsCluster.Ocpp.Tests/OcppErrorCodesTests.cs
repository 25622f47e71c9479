namespace CsmsCluster.Ocpp.Tests;

public sealed class OcppErrorCodesTests
{
    [Theory]
    [InlineData(OcppErrorCode.FormationViolation, "FormationViolation", "FormatViolation")]
    [InlineData(OcppErrorCode.ProtocolError, "ProtocolError", "ProtocolError")]
    [InlineData(OcppErrorCode.NotImplemented, "NotImplemented", "NotImplemented")]
    [InlineData(OcppErrorCode.NotSupported, "NotSupported", "NotSupported")]
    [InlineData(OcppErrorCode.InternalError, "InternalError", "InternalError")]
    [InlineData(OcppErrorCode.SecurityError, "SecurityError", "SecurityError")]
    [InlineData(OcppErrorCode.GenericError, "GenericError", "GenericError")]
    [InlineData(OcppErrorCode.PropertyConstraintViolation, "PropertyConstraintViolation", "PropertyConstraintViolation")]
    [InlineData(OcppErrorCode.OccurrenceConstraintViolation, "OccurenceConstraintViolation", "OccurrenceConstraintViolation")]
    [InlineData(OcppErrorCode.TypeConstraintViolation, "TypeConstraintViolation", "TypeConstraintViolation")]
    [InlineData(OcppErrorCode.MessageTypeNotSupported, "NotSupported", "MessageTypeNotSupported")]
    [InlineData(OcppErrorCode.RpcFrameworkError, "ProtocolError", "RpcFrameworkError")]
    public void ToWire_EachCode_UsesTheVersionsSpelling(OcppErrorCode code, string v16, string v201)
    {
        Assert.Equal(v16, OcppErrorCodes.ToWire(code, OcppVersion.V16));
        Assert.Equal(v201, OcppErrorCodes.ToWire(code, OcppVersion.V201));
    }

    [Fact]
    public void ToWire_EveryCodeAndVersion_RoundTripsThroughTryParse()
    {
        foreach (var version in Enum.GetValues<OcppVersion>())
        {
            foreach (var code in Enum.GetValues<OcppErrorCode>())
            {
                var wire = OcppErrorCodes.ToWire(code, version);
                Assert.True(OcppErrorCodes.TryParse(wire, version, out var parsed));
                var expected = (version, code) switch
                {
                    (OcppVersion.V16, OcppErrorCode.MessageTypeNotSupported) => OcppErrorCode.NotSupported,
                    (OcppVersion.V16, OcppErrorCode.RpcFrameworkError) => OcppErrorCode.ProtocolError,
                    _ => code,
                };
                Assert.Equal(expected, parsed);
            }
        }
    }

    [Theory]
    [InlineData("OccurenceConstraintViolation", OcppVersion.V16, OcppErrorCode.OccurrenceConstraintViolation)]
    [InlineData("OccurrenceConstraintViolation", OcppVersion.V16, OcppErrorCode.OccurrenceConstraintViolation)]
    [InlineData("FormatViolation", OcppVersion.V201, OcppErrorCode.FormationViolation)]
    [InlineData("FormationViolation", OcppVersion.V201, OcppErrorCode.FormationViolation)]
    [InlineData("FormationViolation", OcppVersion.V16, OcppErrorCode.FormationViolation)]
    public void TryParse_KnownSpellings_Parse(string wire, OcppVersion version, OcppErrorCode expected)
    {
        Assert.True(OcppErrorCodes.TryParse(wire, version, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("MessageTypeNotSupported", OcppVersion.V16)]
    [InlineData("RpcFrameworkError", OcppVersion.V16)]
    [InlineData("FormatViolation", OcppVersion.V16)]
    [InlineData("genericerror", OcppVersion.V201)]
    [InlineData("", OcppVersion.V201)]
    [InlineData(null, OcppVersion.V16)]
    public void TryParse_UnknownForVersion_Fails(string? wire, OcppVersion version)
    {
        Assert.False(OcppErrorCodes.TryParse(wire, version, out var code));
        Assert.Equal(default, code);
    }

    [Theory]
    [InlineData("ocpp1.6", OcppVersion.V16)]
    [InlineData("ocpp2.0.1", OcppVersion.V201)]
    [InlineData("OCPP1.6", OcppVersion.V16)]
    public void Subprotocols_TryParse_KnownNames_Parse(string name, OcppVersion expected)
    {
        Assert.True(OcppSubprotocols.TryParse(name, out var version));
        Assert.Equal(expected, version);
    }

    [Theory]
    [InlineData("ocpp2.0")]
    [InlineData("ocpp1.5")]
    [InlineData("")]
    public void Subprotocols_TryParse_UnknownNames_Fail(string name)
    {
        Assert.False(OcppSubprotocols.TryParse(name, out _));
    }

    [Fact]
    public void Subprotocols_ToSubprotocol_ReturnsTheConstants()
    {
        Assert.Equal("ocpp1.6", OcppSubprotocols.ToSubprotocol(OcppVersion.V16));
        Assert.Equal("ocpp2.0.1", OcppSubprotocols.ToSubprotocol(OcppVersion.V201));
    }
}
