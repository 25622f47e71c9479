using CsmsCluster.Deploy.Tests;

[assembly: AssemblyFixture(typeof(RenderedOverlays))]
