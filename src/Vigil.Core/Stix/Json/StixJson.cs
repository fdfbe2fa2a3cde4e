using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Core.Stix.Json;

/// <summary>
/// Safe parsing of untrusted STIX bodies: a TAXII 2.1 envelope (<c>{"objects": [...]}</c>) or a STIX 2.1
/// bundle. Limits are checked in one streaming pass before anything is built, and every failure comes back as
/// a <see cref="StixJsonError"/> with line, byte and path; nothing throws on bad input.
/// </summary>
public static class StixJson
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    public static StixParseResult ParseEnvelopeOrBundle(ReadOnlySpan<byte> utf8Json, StixJsonLimits? limits = null)
    {
        limits ??= StixJsonLimits.Default;
        if (utf8Json.Length > limits.MaxBytes)
        {
            return StixParseResult.Fail(TooLarge(limits));
        }

        // A UTF-8 byte order mark is tolerated, as TAXII clients on some platforms send one.
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        var scanner = new JsonScanner(utf8Json, limits);
        if (scanner.Scan() is { } error)
        {
            return StixParseResult.Fail(error);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8Json, NodeOptions, new JsonDocumentOptions { MaxDepth = limits.MaxDepth + 1 });
        }
        catch (JsonException ex)
        {
            // The scanner accepted it, so this is unexpected; still an answer, not a crash.
            return StixParseResult.Fail(new StixJsonError(StixJsonErrorKind.Malformed, "malformed JSON: " + ex.Message,
                (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, 0, ex.Path));
        }

        if (root is not JsonObject obj)
        {
            return StixParseResult.Fail(new StixJsonError(StixJsonErrorKind.NotAnEnvelope,
                "the body must be a JSON object (a TAXII envelope or a STIX bundle)", 1, 1, 0, "$"));
        }

        var objects = obj.TryGetPropertyValue("objects", out var list) && list is JsonArray array ? array : [];
        return new StixParseResult
        {
            Root = obj,
            Objects = objects,
            IsBundle = obj.ContainsKey("type"),
        };
    }

    /// <summary>
    /// Reads at most <see cref="StixJsonLimits.MaxBytes"/> from <paramref name="body"/> (a longer body is refused
    /// with <see cref="StixJsonErrorKind.TooLarge"/> without reading the rest), then parses it.
    /// </summary>
    public static async Task<StixParseResult> ParseEnvelopeOrBundleAsync(Stream body, StixJsonLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        limits ??= StixJsonLimits.Default;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limits.MaxBytes)
                    {
                        return StixParseResult.Fail(TooLarge(limits));
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limits.MaxBytes)
                {
                    return StixParseResult.Fail(TooLarge(limits));
                }
            }

            return ParseEnvelopeOrBundle(buffer.AsSpan(0, length), limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses one STIX object (not an envelope) with the same limits; the error says what and where.</summary>
    public static JsonObject? ParseObject(ReadOnlySpan<byte> utf8Json, out StixJsonError? error, StixJsonLimits? limits = null)
    {
        limits ??= StixJsonLimits.Default;
        if (utf8Json.Length > limits.MaxBytes)
        {
            error = TooLarge(limits);
            return null;
        }

        var scanner = new JsonScanner(utf8Json, limits);
        error = scanner.Scan();
        if (error is not null)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(utf8Json, NodeOptions, new JsonDocumentOptions { MaxDepth = limits.MaxDepth + 1 }) is JsonObject obj)
            {
                return obj;
            }
        }
        catch (JsonException ex)
        {
            error = new StixJsonError(StixJsonErrorKind.Malformed, "malformed JSON: " + ex.Message, 0, 0, 0, ex.Path);
            return null;
        }

        error = new StixJsonError(StixJsonErrorKind.NotAnEnvelope, "a STIX object must be a JSON object", 1, 1, 0, "$");
        return null;
    }

    private static StixJsonError TooLarge(StixJsonLimits limits) =>
        new(StixJsonErrorKind.TooLarge, $"the body is larger than {limits.MaxBytes} bytes", 0, 0, limits.MaxBytes, null);
}
