using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>Reads the CSV-based formats (csv, twitter-io, 538, coortweet) once the header line is known.</summary>
internal static class DelimitedActivityReader
{
    public static async Task<ActivityReadResult> ReadAsync(
        TextReader text, string headerLine, ActivityFormat format, RowIssueLog log, CancellationToken cancellationToken)
    {
        var headerFields = new List<string>();
        await new CsvRecordReader(new StringReader(headerLine)).ReadAsync(headerFields, cancellationToken);
        var header = new HeaderIndex(headerFields);
        IRowMapper mapper = format switch
        {
            ActivityFormat.Csv => new GenericRowMapper(header),
            ActivityFormat.TwitterInformationOperations => new TwitterIoRowMapper(header),
            ActivityFormat.FiveThirtyEight => new FiveThirtyEightRowMapper(header),
            ActivityFormat.CooRTweet => new CooRTweetRowMapper(header),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a CSV-based format"),
        };

        var builder = new ActivityTableBuilder(4096);
        var reader = new CsvRecordReader(text);
        var fields = new List<string>(headerFields.Count);
        long rows = 0;
        // The header was line 1; the record reader counts from its own start.
        while (await reader.ReadAsync(fields, cancellationToken))
        {
            rows++;
            var line = reader.RecordLine + 1;
            if (fields.Count != headerFields.Count)
            {
                log.Report(line, "(row)", $"{fields.Count} fields where the header has {headerFields.Count}");
            }

            if (mapper.TryMap(fields!, line, log, out var record))
            {
                builder.Add(record);
            }
            else
            {
                log.Reject();
            }

            if ((rows & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return ActivityReaders.Result(builder, format, rows, log);
    }
}
