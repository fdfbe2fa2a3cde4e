using System.IO.Compression;
using System.Text;

namespace Vigil.Correlation.Sources;

/// <summary>Opens a CSV file for reading, transparently un-gzipping it when it starts with the gzip magic bytes.</summary>
internal static class CsvSource
{
    public static TextReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The source file {path} does not exist.", path);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.Asynchronous | FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var read = stream.Read(magic);
        stream.Position = 0;
        Stream content = read == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }
}
