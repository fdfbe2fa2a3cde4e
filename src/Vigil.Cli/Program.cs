using Vigil.Cli;

return await VigilCommandLine.Create().Parse(args).InvokeAsync();
