using BenchmarkDotNet.Attributes;
using Vigil.Media.Pdq;

namespace Vigil.Benchmarks.Media;

/// <summary>Decode and hash all 49 PDQ test images, one thread versus all cores (images/s = 49 / time).</summary>
[MedianColumn]
public class PdqFolderBenchmarks
{
    private string[] _files = [];

    [GlobalSetup]
    public void Setup() => _files = Directory.GetFiles(MediaBenchData.ImageFolder());

    [Benchmark(Baseline = true)]
    public int OneThread()
    {
        foreach (var f in _files)
        {
            PhotoHasher.HashFile(f);
        }

        return _files.Length;
    }

    [Benchmark]
    public int AllCores()
    {
        Parallel.ForEach(_files, f => PhotoHasher.HashFile(f));
        return _files.Length;
    }
}
