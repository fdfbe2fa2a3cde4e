using System.Text;

namespace Vigil.Detection.Reading;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, optionally enclosed in double quotes; a quoted field may
/// hold commas, line breaks and doubled quotes (""). CRLF and LF both end a record. A stray quote
/// inside an unquoted field is kept as text; an unterminated quoted field is an error.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter = ',')
{
    private readonly StringBuilder _field = new();
    private long _nextLine = 1;

    /// <summary>Line number (1-based) where the last record returned started.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next non-empty record into <paramref name="fields"/>; false at end of input.</summary>
    public async ValueTask<bool> ReadAsync(List<string> fields, CancellationToken cancellationToken)
    {
        fields.Clear();
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return false;
            }

            RecordLine = _nextLine++;
        }
        while (line.Length == 0);

        var pos = 0;
        while (true)
        {
            if (pos < line.Length && line[pos] == '"')
            {
                _field.Clear();
                pos++;
                while (true)
                {
                    var quote = line.IndexOf('"', pos);
                    if (quote < 0)
                    {
                        _field.Append(line, pos, line.Length - pos).Append('\n');
                        line = await reader.ReadLineAsync(cancellationToken)
                            ?? throw new MalformedInputException(
                                "Unterminated quoted field", new RowIssue(RecordLine, $"#{fields.Count + 1}", "a quoted field is never closed"));
                        _nextLine++;
                        pos = 0;
                        continue;
                    }

                    _field.Append(line, pos, quote - pos);
                    if (quote + 1 < line.Length && line[quote + 1] == '"')
                    {
                        _field.Append('"');
                        pos = quote + 2;
                        continue;
                    }

                    pos = quote + 1;
                    break;
                }

                // Text after the closing quote and before the delimiter is kept, as most readers do.
                var end = line.IndexOf(delimiter, pos);
                if (end < 0)
                {
                    end = line.Length;
                }

                _field.Append(line, pos, end - pos);
                fields.Add(_field.ToString());
                pos = end;
            }
            else
            {
                var end = line.IndexOf(delimiter, pos);
                if (end < 0)
                {
                    end = line.Length;
                }

                fields.Add(line.Substring(pos, end - pos));
                pos = end;
            }

            if (pos >= line.Length)
            {
                return true;
            }

            pos++; // skip delimiter
            if (pos == line.Length)
            {
                fields.Add("");
                return true;
            }
        }
    }
}
