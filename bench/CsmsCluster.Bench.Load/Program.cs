using CsmsCluster.Bench.Load;

return await BenchCommand.Create(args).Parse(args).InvokeAsync();
