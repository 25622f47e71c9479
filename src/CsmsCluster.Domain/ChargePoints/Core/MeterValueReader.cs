using System.Globalization;
using System.Text.Json;
using CsmsCluster.Persistence;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>Reads an OCPP 1.6 <c>meterValue</c> array into samples that keep the sampled values as sent.</summary>
internal static class MeterValueReader
{
    public static List<MeterValueSample> Read(JsonElement meterValues, string chargePointId, int connectorId, int? transactionId)
    {
        var samples = new List<MeterValueSample>(meterValues.GetArrayLength());
        foreach (var meterValue in meterValues.EnumerateArray())
        {
            var timestamp = DateTimeOffset.Parse(meterValue.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            samples.Add(new MeterValueSample(chargePointId, connectorId, transactionId, timestamp.ToUniversalTime(), meterValue.GetProperty("sampledValue").GetRawText()));
        }

        return samples;
    }
}
