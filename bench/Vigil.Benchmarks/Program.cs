using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Alerts;
using Vigil.Benchmarks.Detection;

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

if (args.Length > 0 && args[0] == "ads-rest")
{
    return await Vigil.Benchmarks.Ads.AdRestIngestRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "ads-sql")
{
    return await Vigil.Benchmarks.Ads.AdSqlLoadRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "detect-scale")
{
    return DetectionScaleRun.Run(args);
}

if (args.Length > 0 && args[0] == "detect-pairs")
{
    return DetectionScaleRun.RunPairs(args);
}

if (args.Length > 0 && args[0] == "detect-read")
{
    return await CsvReadRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "detect-export")
{
    return SyntheticExport.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
