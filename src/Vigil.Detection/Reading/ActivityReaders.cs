using System.IO.Compression;
using System.Text;
using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>
/// Reads activity files in any supported format (jsonl, csv, parquet, twitter-io, 538, coortweet),
/// gzip-compressed or not, into an <see cref="ActivityTable"/>. The format comes from the options or
/// from the file's first bytes and header; columns are found by name.
/// </summary>
public static class ActivityReaders
{
    public static async Task<ActivityReadResult> ReadAsync(string path, ReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Activity file not found: {path}", path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
        await using var counting = new CountingStream(file, file.Length, options.Progress);
        var result = await ReadAsync(counting, options, cancellationToken);
        counting.Finish();
        return result;
    }

    /// <summary>Reads from a stream (gzip is detected and decompressed).</summary>
    public static async Task<ActivityReadResult> ReadAsync(Stream stream, ReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var peek = await PeekableStream.OpenAsync(stream, cancellationToken);
        Stream content = peek;
        if (FormatDetector.IsGzip(peek.Head))
        {
            peek = await PeekableStream.OpenAsync(new GZipStream(peek, CompressionMode.Decompress), cancellationToken);
            content = peek;
        }

        var log = new RowIssueLog(options.Strict, options.MaxReportedIssues);
        if (options.Format == ActivityFormat.Parquet || (options.Format is null && FormatDetector.IsParquet(peek.Head)))
        {
            return await ParquetActivityReader.ReadAsync(content, log, cancellationToken);
        }

        using var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        if (options.Format == ActivityFormat.JsonLines)
        {
            return await JsonLinesActivityReader.ReadAsync(text, log, cancellationToken);
        }

        var firstLine = await text.ReadLineAsync(cancellationToken);
        if (firstLine is null || firstLine.Trim().Length == 0)
        {
            return Empty(options.Format ?? ActivityFormat.Csv);
        }

        var format = options.Format ?? FormatDetector.FromFirstLine(firstLine);
        if (format == ActivityFormat.JsonLines)
        {
            return await JsonLinesActivityReader.ReadAsync(text, log, cancellationToken, firstLine);
        }

        return await DelimitedActivityReader.ReadAsync(text, firstLine, format, log, cancellationToken);
    }

    internal static ActivityReadResult Empty(ActivityFormat format) => new()
    {
        Table = new ActivityTableBuilder(0).Build(),
        Format = format,
        RowsRead = 0,
        RowsRejected = 0,
        IssueCount = 0,
        Issues = [],
    };

    internal static ActivityReadResult Result(ActivityTableBuilder builder, ActivityFormat format, long rows, RowIssueLog log) => new()
    {
        Table = builder.Build(),
        Format = format,
        RowsRead = rows,
        RowsRejected = log.RejectedRows,
        IssueCount = log.IssueCount,
        Issues = log.Kept,
    };
}
