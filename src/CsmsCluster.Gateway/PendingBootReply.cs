using System.Buffers;
using CsmsCluster.Ocpp;
using V16 = CsmsCluster.Ocpp.V16;
using V201 = CsmsCluster.Ocpp.V201;

namespace CsmsCluster.Gateway;

/// <summary>
/// The BootNotification answer of a saturated node: status Pending with the time and the interval after which the
/// charger boots again (OCPP 1.6 §4.2: while Pending the charger retries its BootNotification after the interval).
/// Written through the generated message types, so it is schema-valid.
/// </summary>
internal static class PendingBootReply
{
    /// <summary>The action answered.</summary>
    public const string Action = "BootNotification";

    /// <summary>Writes <c>[3,"uniqueId",{"status":"Pending","currentTime":...,"interval":...}]</c>.</summary>
    public static void Write(IBufferWriter<byte> output, string uniqueId, OcppVersion version, DateTimeOffset now, int intervalSeconds)
    {
        if (version == OcppVersion.V201)
        {
            var reply = new V201.BootNotificationResponse { Status = V201.RegistrationStatusEnumType.Pending, CurrentTime = now, Interval = intervalSeconds };
            OcppFrameWriter.WriteCallResult(output, uniqueId, reply, V201.V201JsonContext.Default.BootNotificationResponse);
        }
        else
        {
            var reply = new V16.BootNotificationResponse { Status = V16.RegistrationStatus.Pending, CurrentTime = now, Interval = intervalSeconds };
            OcppFrameWriter.WriteCallResult(output, uniqueId, reply, V16.V16JsonContext.Default.BootNotificationResponse);
        }
    }
}
