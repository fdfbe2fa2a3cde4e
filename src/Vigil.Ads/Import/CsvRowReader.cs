using System.Text;

namespace Vigil.Ads.Import;

/// <summary>
/// Streaming RFC 4180 reader: comma-separated, double-quoted fields with doubled quotes, quoted line breaks, CRLF or LF.
/// A field longer than <see cref="MaxFieldLength"/> is cut and the row flagged, so a stray quote cannot swallow memory.
/// </summary>
internal sealed class CsvRowReader(TextReader reader)
{
    public const int MaxFieldLength = 1 << 20;

    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private bool _eof;

    /// <summary>Line number (1-based) where the row last read starts.</summary>
    public int StartLine { get; private set; }

    /// <summary>Problem with the row last read (unterminated quote, oversized field), or null.</summary>
    public string? RowError { get; private set; }

    private int _line = 1;

    public async ValueTask<bool> ReadAsync(List<string> fields, CancellationToken cancellationToken)
    {
        fields.Clear();
        RowError = null;
        StartLine = _line;
        if (!await FillAsync(cancellationToken))
        {
            return false;
        }

        var quoted = false;
        var fieldStart = true;
        while (true)
        {
            if (_position == _length && !await FillAsync(cancellationToken))
            {
                if (quoted)
                {
                    RowError = "unterminated quoted field at end of file";
                }

                fields.Add(TakeField());
                return true;
            }

            var c = _buffer[_position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (_position == _length && !await FillAsync(cancellationToken))
                    {
                        fields.Add(TakeField());
                        return true;
                    }

                    if (_buffer[_position] == '"')
                    {
                        _position++;
                        Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when fieldStart:
                    quoted = true;
                    fieldStart = false;
                    break;
                case ',':
                    fields.Add(TakeField());
                    fieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(TakeField());
                    return true;
                default:
                    fieldStart = false;
                    Append(c);
                    break;
            }
        }
    }

    private void Append(char c)
    {
        if (_field.Length < MaxFieldLength)
        {
            _field.Append(c);
        }
        else
        {
            RowError ??= $"a field is longer than {MaxFieldLength} characters";
        }
    }

    private string TakeField()
    {
        var s = _field.Length == 0 ? string.Empty : _field.ToString();
        _field.Clear();
        return s;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_position < _length)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        _eof = _length == 0;
        return !_eof;
    }
}
