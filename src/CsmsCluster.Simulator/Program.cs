using CsmsCluster.Simulator;

return await SimulatorCommand.Create().Parse(args).InvokeAsync();
