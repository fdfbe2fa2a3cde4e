using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Vigil.Detection.Reading;

namespace Vigil.Benchmarks.Detection;

/// <summary>Reading a generated activity CSV (with quoted text) into a table.</summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class CsvReadBenchmarks
{
    private string _path = "";

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"vigil-bench-{Rows}.csv");
        var random = new Random(5);
        using var writer = new StreamWriter(_path, false, Encoding.UTF8);
        writer.WriteLine("activity_id,account_id,timestamp,kind,text,urls,hashtags,referenced_id");
        for (var i = 0; i < Rows; i++)
        {
            var t = 1_704_067_200 + random.Next(14 * 86_400);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"a{i},u{random.Next(Rows / 20)},{t},post,\"text number {i}, with a \"\"quote\"\" and words\",https://site{random.Next(300)}.example/{random.Next(5000)},tag{random.Next(100)}|tag{random.Next(100)},p{random.Next(20000)}"));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public async Task<int> ReadCsv() => (await ActivityReaders.ReadAsync(_path, new ReadOptions())).Table.Count;
}
