using Microsoft.AspNetCore.Routing;

namespace CsmsCluster.Grains.Transport;

/// <summary>Endpoints other parts add to the internal port (e.g. the gateway's "send this command to a charger").</summary>
public interface IClusterEndpoints
{
    /// <summary>Maps the endpoints; handlers resolve what they need from the node's services, not the internal host's.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
