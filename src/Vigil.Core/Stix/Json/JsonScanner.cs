using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Core.Stix.Json;

/// <summary>
/// One forward pass over untrusted JSON with <see cref="Utf8JsonReader"/> before anything is built: syntax,
/// depth, string sizes, property counts, duplicate property names, and the number of envelope objects.
/// Allocates nothing per token for ordinary objects (up to 16 properties are compared as bytes).
/// </summary>
internal ref struct JsonScanner
{
    private const int LinearKeyLimit = 16;

    private readonly ReadOnlySpan<byte> _json;
    private readonly StixJsonLimits _limits;
    private Frame[] _frames;
    private byte[] _keyBytes;
    private int _keyBytesUsed;
    private KeyRef[] _keys;
    private int _keysUsed;
    private int _depth;

    private struct Frame
    {
        public bool IsArray;
        public int Index;
        public int KeyStart;     // first entry in _keys for this object
        public int KeyCount;
        public int LastKey;      // index into _keys of the latest property name, -1 if none
        public HashSet<string>? BigKeys;
        public bool IsEnvelopeObjects;
    }

    private readonly record struct KeyRef(int Offset, int Length);

    public JsonScanner(ReadOnlySpan<byte> json, StixJsonLimits limits)
    {
        _json = json;
        _limits = limits;
        _frames = ArrayPool<Frame>.Shared.Rent(Math.Min(limits.MaxDepth + 2, 1024));
        _keyBytes = ArrayPool<byte>.Shared.Rent(4096);
        _keys = ArrayPool<KeyRef>.Shared.Rent(256);
    }

    public StixJsonError? Scan()
    {
        try
        {
            return ScanCore();
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return new StixJsonError(StixJsonErrorKind.Malformed, "malformed JSON: " + FirstSentence(ex.Message),
                line, column, OffsetOf(line, column), CurrentPath());
        }
        finally
        {
            ArrayPool<Frame>.Shared.Return(_frames, clearArray: true);
            ArrayPool<byte>.Shared.Return(_keyBytes);
            ArrayPool<KeyRef>.Shared.Return(_keys);
        }
    }

    private StixJsonError? ScanCore()
    {
        // The reader's own depth limit is set past ours so that ours, with its clearer message, trips first.
        var reader = new Utf8JsonReader(_json, new JsonReaderOptions
        {
            MaxDepth = Math.Min(_limits.MaxDepth + 1, 1024),
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var objectCount = 0;
        var first = true;
        while (reader.Read())
        {
            if (first)
            {
                first = false;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return Fail(StixJsonErrorKind.NotAnEnvelope, "the body must be a JSON object (a TAXII envelope or a STIX bundle)", reader.TokenStartIndex);
                }
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (IsEnvelopeItem() && ++objectCount > _limits.MaxObjects)
                    {
                        return Fail(StixJsonErrorKind.TooManyObjects, $"the envelope holds more than {_limits.MaxObjects} objects", reader.TokenStartIndex);
                    }

                    if (_depth >= _limits.MaxDepth)
                    {
                        return Fail(StixJsonErrorKind.TooDeep, $"JSON is nested deeper than {_limits.MaxDepth} levels", reader.TokenStartIndex);
                    }

                    Push(reader.TokenType == JsonTokenType.StartArray);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    Pop();
                    AfterValue();
                    break;
                case JsonTokenType.PropertyName:
                    if (ValueLength(ref reader) > _limits.MaxStringBytes)
                    {
                        return Fail(StixJsonErrorKind.StringTooLong, $"a property name is longer than {_limits.MaxStringBytes} bytes", reader.TokenStartIndex);
                    }

                    if (!IsValidText(ref reader))
                    {
                        return Fail(StixJsonErrorKind.Malformed, "malformed JSON: a property name is not valid UTF-8 or has a lone surrogate escape", reader.TokenStartIndex);
                    }

                    if (AddKey(ref reader) is { } error)
                    {
                        return error;
                    }

                    break;
                case JsonTokenType.String:
                    if (IsEnvelopeItem() && ++objectCount > _limits.MaxObjects)
                    {
                        return Fail(StixJsonErrorKind.TooManyObjects, $"the envelope holds more than {_limits.MaxObjects} objects", reader.TokenStartIndex);
                    }

                    if (ValueLength(ref reader) > _limits.MaxStringBytes)
                    {
                        return Fail(StixJsonErrorKind.StringTooLong, $"a string is longer than {_limits.MaxStringBytes} bytes", reader.TokenStartIndex);
                    }

                    if (!IsValidText(ref reader))
                    {
                        return Fail(StixJsonErrorKind.Malformed, "malformed JSON: a string is not valid UTF-8 or has a lone surrogate escape", reader.TokenStartIndex);
                    }

                    AfterValue();
                    break;
                default:
                    if (IsEnvelopeItem() && ++objectCount > _limits.MaxObjects)
                    {
                        return Fail(StixJsonErrorKind.TooManyObjects, $"the envelope holds more than {_limits.MaxObjects} objects", reader.TokenStartIndex);
                    }

                    AfterValue();
                    break;
            }
        }

        return null;
    }

    /// <summary>The reader checks structure, not text: UTF-8 validity and escaped surrogates are checked here.</summary>
    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return System.Text.Unicode.Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>True when the token about to be read is an item of the envelope's <c>objects</c> list.</summary>
    private readonly bool IsEnvelopeItem() => _depth == 2 && _frames[1].IsEnvelopeObjects;

    private static long ValueLength(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;

    private void Push(bool isArray)
    {
        var isEnvelopeObjects = isArray && _depth == 1 && _frames[0].LastKey >= 0 && KeyEquals(_frames[0].LastKey, "objects"u8);
        _frames[_depth++] = new Frame
        {
            IsArray = isArray,
            KeyStart = _keysUsed,
            LastKey = -1,
            IsEnvelopeObjects = isEnvelopeObjects,
        };
    }

    private void Pop()
    {
        ref var frame = ref _frames[_depth - 1];
        if (!frame.IsArray)
        {
            if (frame.KeyCount > 0)
            {
                _keyBytesUsed = _keys[frame.KeyStart].Offset;
            }

            _keysUsed = frame.KeyStart;
        }

        frame = default;
        _depth--;
    }

    private void AfterValue()
    {
        if (_depth > 0 && _frames[_depth - 1].IsArray)
        {
            _frames[_depth - 1].Index++;
        }
    }

    private StixJsonError? AddKey(ref Utf8JsonReader reader)
    {
        ref var frame = ref _frames[_depth - 1];
        if (++frame.KeyCount > _limits.MaxPropertiesPerObject)
        {
            return Fail(StixJsonErrorKind.TooManyProperties, $"an object has more than {_limits.MaxPropertiesPerObject} properties", reader.TokenStartIndex);
        }

        var big = frame.KeyCount > LinearKeyLimit;
        if (big && frame.BigKeys is not null)
        {
            // Past the linear limit only the latest name stays in _keys (for paths); drop the previous latest.
            _keysUsed--;
            _keyBytesUsed = _keys[_keysUsed].Offset;
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        EnsureKeyRoom(length);
        var written = reader.CopyString(_keyBytes.AsSpan(_keyBytesUsed));
        var key = _keyBytes.AsSpan(_keyBytesUsed, written);

        bool duplicate;
        if (!big)
        {
            duplicate = false;
            for (var i = frame.KeyStart; i < _keysUsed; i++)
            {
                if (_keyBytes.AsSpan(_keys[i].Offset, _keys[i].Length).SequenceEqual(key))
                {
                    duplicate = true;
                    break;
                }
            }
        }
        else
        {
            if (frame.BigKeys is null)
            {
                frame.BigKeys = new HashSet<string>(StringComparer.Ordinal);
                for (var i = frame.KeyStart; i < _keysUsed; i++)
                {
                    frame.BigKeys.Add(Encoding.UTF8.GetString(_keyBytes, _keys[i].Offset, _keys[i].Length));
                }
            }

            duplicate = !frame.BigKeys.Add(Encoding.UTF8.GetString(key));
        }

        if (_keysUsed == _keys.Length)
        {
            Grow(ref _keys, _keys.Length * 2);
        }

        _keys[_keysUsed] = new KeyRef(_keyBytesUsed, written);
        frame.LastKey = _keysUsed;
        _keysUsed++;
        _keyBytesUsed += written;

        return duplicate
            ? Fail(StixJsonErrorKind.DuplicateProperty, $"duplicate property \"{Encoding.UTF8.GetString(key)}\"", reader.TokenStartIndex)
            : null;
    }

    private void EnsureKeyRoom(int length)
    {
        if (_keyBytesUsed + length > _keyBytes.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_keyBytes.Length * 2, _keyBytesUsed + length));
            _keyBytes.AsSpan(0, _keyBytesUsed).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_keyBytes);
            _keyBytes = bigger;
        }
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        var bigger = ArrayPool<T>.Shared.Rent(size);
        array.AsSpan().CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }

    private readonly bool KeyEquals(int key, ReadOnlySpan<byte> name) =>
        _keyBytes.AsSpan(_keys[key].Offset, _keys[key].Length).SequenceEqual(name);

    private readonly StixJsonError Fail(StixJsonErrorKind kind, string message, long offset)
    {
        var (line, column) = LineOf(offset);
        return new StixJsonError(kind, message, line, column, offset, CurrentPath());
    }

    private readonly (long Line, long Column) LineOf(long offset)
    {
        var before = _json[..(int)Math.Min(offset, _json.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewline);
    }

    private readonly long OffsetOf(long line, long column)
    {
        long offset = 0;
        for (var l = 1L; l < line; l++)
        {
            var next = _json[(int)offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
        }

        return offset + column - 1;
    }

    private readonly string CurrentPath()
    {
        var sb = new StringBuilder("$");
        for (var i = 0; i < _depth; i++)
        {
            ref readonly var frame = ref _frames[i];
            if (frame.IsArray)
            {
                sb.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (frame.LastKey >= 0)
            {
                sb.Append('.').Append(Encoding.UTF8.GetString(_keyBytes, _keys[frame.LastKey].Offset, _keys[frame.LastKey].Length));
            }
        }

        return sb.ToString();
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
