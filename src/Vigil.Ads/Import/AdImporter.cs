using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Vigil.Ads.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Import;

/// <summary>
/// Streams ads out of a file in any supported format (<see cref="AdFileFormat"/>), detected from the first line when not given:
/// a JSON object with a <c>data</c> list is a Meta API response, other one-object lines are JSON Lines, a CSV header with
/// <c>ADID</c> is Snap, one with <c>id</c>/<c>adlib_id</c> and page or spend columns is Meta's flattened CSV. Every row yields an
/// ad or a rejection (row, field, reason) checked by <see cref="AdValidator"/>; a bad row never stops the file. Only a file with
/// no recognizable structure throws <see cref="AdImportFormatException"/>. A UTF-8 byte-order mark is skipped.
/// </summary>
public sealed class AdImporter
{
    public async IAsyncEnumerable<AdImportItem> ImportAsync(Stream stream, AdImportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var validator = new AdValidator(options.Limits);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var first = await reader.ReadLineAsync(cancellationToken);
        var firstLine = 1;
        while (first is not null && string.IsNullOrWhiteSpace(first))
        {
            first = await reader.ReadLineAsync(cancellationToken);
            firstLine++;
        }

        if (first is null)
        {
            yield break;
        }

        var format = options.Format == AdFileFormat.Auto ? Detect(first) : options.Format;
        var items = format switch
        {
            AdFileFormat.MetaJson => MetaJsonAsync(first, firstLine, reader, options, cancellationToken),
            AdFileFormat.JsonLines => JsonLinesAsync(first, firstLine, reader, options, cancellationToken),
            AdFileFormat.MetaCsv or AdFileFormat.SnapCsv => CsvAsync(first, format, reader, options, cancellationToken),
            _ => throw new AdImportFormatException("Unknown format " + format),
        };
        await foreach (var item in items)
        {
            yield return item.Ad is null || item.Problems.Count > 0 ? item with { Ad = null } : Checked(item, validator);
        }
    }

    /// <summary>Detects the format from the first non-blank line.</summary>
    public static AdFileFormat Detect(string firstLine)
    {
        ArgumentNullException.ThrowIfNull(firstLine);
        var line = firstLine.TrimStart('\uFEFF', ' ', '\t');
        if (line.StartsWith('{') || line.StartsWith('['))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array
                    ? AdFileFormat.MetaJson
                    : AdFileFormat.JsonLines;
            }
            catch (JsonException)
            {
                // A pretty-printed document spans lines; only an API response is written that way.
                return AdFileFormat.MetaJson;
            }
        }

        var header = CsvHeader(line);
        if (SnapCsvMapper.Looks(header))
        {
            return AdFileFormat.SnapCsv;
        }

        if (MetaCsvColumns.Looks(header))
        {
            return AdFileFormat.MetaCsv;
        }

        var shown = line.Length > 120 ? line[..120] + "…" : line;
        throw new AdImportFormatException(
            $"Line 1 is not a recognized ad file header: expected a Meta API response ({{\"data\":[…]}}), JSON Lines, a Meta Ad Library CSV " +
            $"(id/adlib_id with page_id, bylines or spend_lower) or a Snap Political Ads CSV (ADID, PayingAdvertiserName); found: {shown}");
    }

    private static AdImportItem Checked(AdImportItem item, AdValidator validator)
    {
        var problems = validator.Validate(item.Ad!);
        return problems.Count == 0 ? item : item with { Ad = null, Problems = problems };
    }

    private static List<string> CsvHeader(string line)
    {
        var fields = new List<string>();
        var csv = new CsvRowReader(new StringReader(line));
        csv.ReadAsync(fields, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return fields;
    }

    private static async IAsyncEnumerable<AdImportItem> CsvAsync(string headerLine, AdFileFormat format, TextReader reader, AdImportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = CsvHeader(headerLine.TrimStart('\uFEFF'));
        Func<List<string>, List<AdProblem>, Ad?> map;
        if (format == AdFileFormat.SnapCsv)
        {
            map = new SnapCsvMapper(header, options).Map;
        }
        else
        {
            map = new MetaCsvMapper(MetaCsvColumns.From(header), options).Map;
        }

        var csv = new CsvRowReader(reader);
        var row = new List<string>(header.Count);
        var number = 0;
        while (await csv.ReadAsync(row, cancellationToken))
        {
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            number++;
            var line = csv.StartLine + 1;
            if (csv.RowError is { } error)
            {
                yield return AdImportItem.Reject(number, line, "row", error);
                continue;
            }

            if (row.Count != header.Count)
            {
                yield return AdImportItem.Reject(number, line, "row", $"has {row.Count} fields, the header has {header.Count}");
                continue;
            }

            var problems = new List<AdProblem>();
            var ad = map(row, problems);
            yield return new AdImportItem(number, line, ad, problems);
        }
    }

    private static async IAsyncEnumerable<AdImportItem> MetaJsonAsync(string first, int firstLine, TextReader reader, AdImportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var platform = options.Platform ?? "meta";
        var number = 0;
        if (Detect(first) == AdFileFormat.MetaJson && IsCompleteJson(first))
        {
            // One response page per line (the form `curl >> pages.json` leaves behind).
            var line = firstLine;
            for (var text = first; text is not null; text = await reader.ReadLineAsync(cancellationToken), line++)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                foreach (var item in Page(text, line, platform, options, ref number))
                {
                    yield return item;
                }
            }

            yield break;
        }

        var whole = first + "\n" + await reader.ReadToEndAsync(cancellationToken);
        foreach (var item in Page(whole, firstLine, platform, options, ref number))
        {
            yield return item;
        }
    }

    private static bool IsCompleteJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<AdImportItem> Page(string text, int line, string platform, AdImportOptions options, ref int number)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new AdImportFormatException($"Meta API response starting at line {line} is not valid JSON: {ex.Message}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new AdImportFormatException($"Meta API response starting at line {line} has no \"data\" list.");
            }

            var items = new List<AdImportItem>(data.GetArrayLength());
            foreach (var element in data.EnumerateArray())
            {
                number++;
                var problems = new List<AdProblem>();
                var ad = AdJsonReader.Read(element, platform, options.ReachedCountries, problems);
                items.Add(new AdImportItem(number, line, ad, problems));
            }

            return items;
        }
    }

    private static async IAsyncEnumerable<AdImportItem> JsonLinesAsync(string first, int firstLine, TextReader reader, AdImportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var platform = options.Platform ?? "unknown";
        var line = firstLine;
        var number = 0;
        for (var text = first; text is not null; text = await reader.ReadLineAsync(cancellationToken), line++)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            number++;
            yield return JsonLine(text, number, line, platform, options);
        }
    }

    private static AdImportItem JsonLine(string text, int number, int line, string platform, AdImportOptions options)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            var problems = new List<AdProblem>();
            var ad = AdJsonReader.Read(doc.RootElement, platform, options.ReachedCountries, problems);
            return new AdImportItem(number, line, ad, problems);
        }
        catch (JsonException ex)
        {
            return AdImportItem.Reject(number, line, "line", "not valid JSON: " + ex.Message);
        }
    }
}
