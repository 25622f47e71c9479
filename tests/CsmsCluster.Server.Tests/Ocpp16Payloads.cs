namespace CsmsCluster.Server.Tests;

/// <summary>OCPP 1.6 payloads a test charger sends.</summary>
public static class Ocpp16Payloads
{
    public const string Boot = """{"chargePointVendor":"TestVendor","chargePointModel":"TM-1","chargePointSerialNumber":"SN-1","firmwareVersion":"1.2.3"}""";

    public static string Status(int connectorId, string status, string errorCode = "NoError") =>
        $$"""{"connectorId":{{connectorId}},"errorCode":"{{errorCode}}","status":"{{status}}"}""";

    public static string Authorize(string idTag) => $$"""{"idTag":"{{idTag}}"}""";

    public static string Start(int connectorId, string idTag, int meterStart, string timestamp) =>
        $$"""{"connectorId":{{connectorId}},"idTag":"{{idTag}}","meterStart":{{meterStart}},"timestamp":"{{timestamp}}"}""";

    public static string Stop(int transactionId, int meterStop, string timestamp, string? idTag = null, string? transactionData = null) =>
        $$"""{"transactionId":{{transactionId}},"meterStop":{{meterStop}},"timestamp":"{{timestamp}}"{{(idTag is null ? "" : $",\"idTag\":\"{idTag}\"")}}{{(transactionData is null ? "" : $",\"transactionData\":{transactionData}")}},"reason":"Local"}""";

    public static string Meter(int connectorId, int transactionId, string timestamp, int wh) =>
        $$"""{"connectorId":{{connectorId}},"transactionId":{{transactionId}},"meterValue":[{"timestamp":"{{timestamp}}","sampledValue":[{"value":"{{wh}}","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"16.0","measurand":"Current.Import","unit":"A","phase":"L1"}]}]}""";
}
