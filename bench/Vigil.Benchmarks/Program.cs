using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Alerts;

// Load tests that measure latency under a steady rate run as their own mode; everything else is BenchmarkDotNet.
if (args.Length > 0 && args[0] == "alerts-fanout")
{
    return await AlertFanoutLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "pages")
{
    return await Vigil.Benchmarks.Response.PageTimingLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "board-fanout")
{
    return await Vigil.Benchmarks.Response.BoardFanoutLoad.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
