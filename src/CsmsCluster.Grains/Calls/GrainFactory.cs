using System.Reflection;
using CsmsCluster.Grains.Metadata;

namespace CsmsCluster.Grains.Calls;

/// <summary>Creates grain references (proxies). Stateless: the caller's chain and deadline travel ambiently.</summary>
internal sealed class GrainFactory(GrainCatalog catalog, GrainCallRouter router) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var metadata = catalog.GetInterface(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)proxy).Initialize(new GrainId(metadata.GrainType, key), metadata, router);
        return proxy;
    }
}
