using CsmsCluster.Server;

var app = CsmsServer.Build(args);
await app.RunAsync();
