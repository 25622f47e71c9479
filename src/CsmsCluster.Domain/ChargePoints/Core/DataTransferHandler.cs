using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>
/// DataTransfer from the charger (OCPP 1.6 §4.3): no vendor extension is installed, so every vendorId is answered
/// UnknownVendorId, as the specification prescribes for an unknown vendor.
/// </summary>
internal sealed class DataTransferHandler()
    : ChargerCallHandler<DataTransferRequest, DataTransferResponse>(
        OcppVersion.V16, "DataTransfer", V16JsonContext.Default.DataTransferRequest, V16JsonContext.Default.DataTransferResponse)
{
    protected override Task<DataTransferResponse> HandleAsync(ChargerCallContext context, DataTransferRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId });
}
