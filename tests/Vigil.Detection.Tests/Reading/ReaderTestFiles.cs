using System.IO.Compression;
using System.Text;

namespace Vigil.Detection.Tests.Reading;

/// <summary>Writes small input files into a fresh temporary directory that is removed on dispose.</summary>
internal sealed class ReaderTestFiles : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "vigil-detection-" + Guid.NewGuid().ToString("N"));

    public ReaderTestFiles() => System.IO.Directory.CreateDirectory(Directory);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    public string WriteGzip(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
