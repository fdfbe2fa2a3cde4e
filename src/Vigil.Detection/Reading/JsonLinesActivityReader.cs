using System.Text.Json;
using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>
/// JSON Lines: one object per line with the fields of <see cref="GenericRowMapper"/>; list fields
/// may be JSON arrays or delimited strings, numbers may be numbers or strings.
/// </summary>
internal static class JsonLinesActivityReader
{
    public static async Task<ActivityReadResult> ReadAsync(
        TextReader text, RowIssueLog log, CancellationToken cancellationToken, string? firstLine = null)
    {
        var names = GenericRowMapper.KnownNames;
        var header = new HeaderIndex(names);
        var mapper = new GenericRowMapper(header);
        var builder = new ActivityTableBuilder(4096);
        var fields = new string?[names.Count];
        long lineNumber = 0;
        long rows = 0;
        var line = firstLine ?? await text.ReadLineAsync(cancellationToken);
        while (line is not null)
        {
            lineNumber++;
            if (line.Trim().Length > 0)
            {
                rows++;
                if (Fill(line, header, fields, lineNumber, log) && mapper.TryMap(fields, lineNumber, log, out var record))
                {
                    builder.Add(record);
                }
                else
                {
                    log.Reject();
                }
            }

            line = await text.ReadLineAsync(cancellationToken);
        }

        return ActivityReaders.Result(builder, ActivityFormat.JsonLines, rows, log);
    }

    private static bool Fill(string line, HeaderIndex header, string?[] fields, long lineNumber, RowIssueLog log)
    {
        Array.Clear(fields);
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                log.Report(lineNumber, "(line)", "not a JSON object");
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var index = header.Find(property.Name);
                if (index >= 0)
                {
                    fields[index] = AsText(property.Value);
                }
            }

            return true;
        }
        catch (JsonException e)
        {
            log.Report(lineNumber, "(line)", "invalid JSON: " + e.Message);
            return false;
        }
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(ListField.JsonSeparator, value.EnumerateArray().Select(e => AsText(e) ?? "")),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

}
