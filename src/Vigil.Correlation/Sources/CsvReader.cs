using System.Text;

namespace Vigil.Correlation.Sources;

/// <summary>
/// RFC 4180 reader: comma-separated, optional double quotes (a quote inside a quoted field is doubled), CRLF or LF,
/// quoted fields may span lines. Reports the line each record starts on. A quote left open at the end of input is an error.
/// </summary>
public static class CsvReader
{
    public static async IAsyncEnumerable<CsvRecord> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var lineNumber = 0;
        var recordStart = 1;
        var inQuotes = false;
        var quotedStart = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (!inQuotes)
            {
                recordStart = lineNumber;
            }
            else
            {
                field.Append('\n');
            }

            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    inQuotes = true;
                    quotedStart = lineNumber;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (inQuotes)
            {
                continue;
            }

            fields.Add(field.ToString());
            field.Clear();
            yield return new CsvRecord(recordStart, [.. fields]);
            fields.Clear();
        }

        if (inQuotes)
        {
            throw new FormatException($"CSV line {quotedStart}: a quoted field is not closed before the end of the file.");
        }
    }
}
