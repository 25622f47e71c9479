using CsmsCluster.Ocpp.Generator;

namespace CsmsCluster.Ocpp.Tests.Validation;

public sealed class SchemaCoverageTests
{
    public static TheoryData<OcppVersion, string, OcppPayloadKind> SchemaFiles()
    {
        var data = new TheoryData<OcppVersion, string, OcppPayloadKind>();
        var schemas = Path.Combine(RepositoryRoot.Path, "schemas");
        foreach (var file in Directory.GetFiles(Path.Combine(schemas, "1.6"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var isResponse = name.EndsWith("Response", StringComparison.Ordinal);
            data.Add(OcppVersion.V16, isResponse ? name[..^8] : name, isResponse ? OcppPayloadKind.Response : OcppPayloadKind.Request);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(schemas, "2.0.1"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var isResponse = name.EndsWith("Response", StringComparison.Ordinal);
            data.Add(OcppVersion.V201, isResponse ? name[..^8] : name[..^7], isResponse ? OcppPayloadKind.Response : OcppPayloadKind.Request);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void EverySchemaFile_HasAValidatorAndAPayloadType(OcppVersion version, string action, OcppPayloadKind kind)
    {
        Assert.True(OcppSchemas.TryGetValidator(version, action, kind, out var validator));
        Assert.Equal((version, action, kind), (validator.Version, validator.Action, validator.Kind));
        Assert.True(OcppSchemas.TryGetPayloadType(version, action, kind, out var typeInfo));
        Assert.Equal(action + kind, typeInfo.Type.Name);
    }

    [Theory]
    [InlineData(OcppVersion.V16, 39)]
    [InlineData(OcppVersion.V201, 64)]
    public void Actions_MatchTheSchemaFilesAndTheCatalog(OcppVersion version, int count)
    {
        var actions = OcppSchemas.Actions(version);
        var catalog = OcppActionCatalog.ChargerInitiated(version).Union(OcppActionCatalog.CsmsInitiated(version)).Order(StringComparer.Ordinal);

        Assert.Equal(count, actions.Count);
        Assert.Equal(actions.Order(StringComparer.Ordinal), actions);
        Assert.Equal(catalog, actions);
        foreach (var action in actions)
        {
            Assert.True(OcppSchemas.TryGetValidator(version, action, OcppPayloadKind.Request, out _));
            Assert.True(OcppSchemas.TryGetValidator(version, action, OcppPayloadKind.Response, out _));
        }
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public void Catalog_OnlyDataTransferGoesBothWays(OcppVersion version)
    {
        var both = OcppActionCatalog.ChargerInitiated(version).Intersect(OcppActionCatalog.CsmsInitiated(version));

        Assert.Equal(["DataTransfer"], both);
    }

    [Theory]
    [InlineData(OcppVersion.V16, "BootNotification", true, false)]
    [InlineData(OcppVersion.V16, "StopTransaction", true, false)]
    [InlineData(OcppVersion.V16, "SignedFirmwareStatusNotification", true, false)]
    [InlineData(OcppVersion.V16, "RemoteStartTransaction", false, true)]
    [InlineData(OcppVersion.V16, "DataTransfer", true, true)]
    [InlineData(OcppVersion.V201, "TransactionEvent", true, false)]
    [InlineData(OcppVersion.V201, "NotifyReport", true, false)]
    [InlineData(OcppVersion.V201, "RequestStartTransaction", false, true)]
    [InlineData(OcppVersion.V201, "DataTransfer", true, true)]
    [InlineData(OcppVersion.V201, "StartTransaction", false, false)]
    [InlineData(OcppVersion.V16, "bootnotification", false, false)]
    public void Catalog_KnowsWhoInitiates(OcppVersion version, string action, bool charger, bool csms)
    {
        Assert.Equal(charger, OcppActionCatalog.IsChargerInitiated(version, action));
        Assert.Equal(csms, OcppActionCatalog.IsCsmsInitiated(version, action));
    }

    [Fact]
    public void TryGetValidator_UnknownAction_Fails()
    {
        Assert.False(OcppSchemas.TryGetValidator(OcppVersion.V16, "TransactionEvent", OcppPayloadKind.Request, out var validator));
        Assert.Null(validator);
    }

    [Fact]
    public void RepositoryRoot_IsFoundByTheGenerator()
    {
        Assert.Equal(RepositoryRoot.Path, GeneratorRunner.FindRepositoryRoot(AppContext.BaseDirectory));
    }
}
