using CsmsCluster.TestSupport;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Server.Tests.Configuration;

/// <summary>A bad setting stops the start with an error that names its key, instead of failing on first use.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Csms:Ocpp:CloseTimeout", "-00:00:01")]
    [InlineData("Csms:Ocpp:MaxChargePointIdLength", "0")]
    [InlineData("Csms:Ocpp:MaxFrameBytes", "0")]
    [InlineData("Csms:Grains:DefaultCallTimeout", "00:00:00")]
    [InlineData("Csms:Grains:MailboxCapacity", "-1")]
    [InlineData("Csms:Security:Ca:LeafValidity", "-1.00:00:00")]
    [InlineData("Csms:Telemetry:OtlpEndpoint", "collector:4318")]
    [InlineData("Csms:Telemetry:OtlpProtocol", "http/json")]
    [InlineData("Csms:Telemetry:ExportInterval", "00:00:00")]
    [InlineData("Csms:Storage:HistoryMaxBatchSize", "0")]
    public async Task BadValue_StopsStart_NamingTheKey(string key, string value)
    {
        await using var db = new TempSqliteDatabase();
        var data = Directory.CreateTempSubdirectory("csms-validation-");
        try
        {
            await using var app = CsmsServer.Build(
            [
                "--urls=http://127.0.0.1:0",
                "--Csms:Storage:Provider=sqlite",
                $"--Csms:Storage:ConnectionString={db.ConnectionString}",
                $"--Csms:Api:AdminToken={CsmsTestServer.AdminToken}",
                $"--Csms:Api:DataDirectory={data.FullName}",
                $"--Csms:Security:Ca:Directory={Path.Combine(data.FullName, "ca")}",
                "--Logging:LogLevel:Default=None",
                $"--{key}={value}",
            ]);

            var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(TestContext.Current.CancellationToken));
            var validation = Flatten(error).OfType<OptionsValidationException>().FirstOrDefault();
            Assert.True(validation is not null, $"expected an OptionsValidationException, got {error}");
            Assert.Contains(key, validation.Message, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static IEnumerable<Exception> Flatten(Exception error) =>
        error is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Flatten).Prepend(error)
            : error.InnerException is { } inner ? Flatten(inner).Prepend(error) : [error];
}
