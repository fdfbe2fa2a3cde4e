using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Stix;
using Vigil.Core.Stix.Json;
using Vigil.Core.Stix.Validation;
using Vigil.Storage.Objects;

namespace Vigil.Server.Taxii;

/// <summary>
/// Reads a posted envelope within the size limit, parses it safely, validates every object against STIX 2.1 and
/// pairs each parsed object with its exact text (what readers later receive).
/// </summary>
internal static class EnvelopeBody
{
    public static async Task<(List<ObjectSubmission>? Objects, TaxiiError? Error)> ReadAsync(HttpRequest request, long maxBytes,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TaxiiError.TooLarge(maxBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return (null, TaxiiError.TooLarge(maxBytes));
                }

                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return (null, TaxiiError.TooLarge(maxBytes));
                }
            }

            return Parse(buffer.AsMemory(0, length), maxBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (List<ObjectSubmission>?, TaxiiError?) Parse(ReadOnlyMemory<byte> body, long maxBytes)
    {
        var limits = StixJsonLimits.Default with { MaxBytes = maxBytes };
        var parsed = StixJson.ParseEnvelopeOrBundle(body.Span, limits);
        if (!parsed.Success)
        {
            return (null, parsed.Error.Kind switch
            {
                StixJsonErrorKind.TooLarge => TaxiiError.TooLarge(maxBytes),
                StixJsonErrorKind.NotAnEnvelope => TaxiiError.BadRequest("The body is not a TAXII envelope: " + parsed.Error),
                _ => TaxiiError.BadRequest("The body is not acceptable JSON: " + parsed.Error),
            });
        }

        if (parsed.Root["objects"] is not JsonArray || parsed.Objects.Count == 0)
        {
            return (null, TaxiiError.BadRequest("The envelope has no objects: send {\"objects\": [ ...STIX objects... ]}."));
        }

        var validation = StixValidator.ValidateEnvelope(parsed.Root);
        if (!validation.IsValid)
        {
            var errors = validation.AllErrors().Take(100).Select(e => e.ToString()).ToList();
            return (null, TaxiiError.Unprocessable(
                $"The envelope was refused and nothing was stored: {errors.Count} problem(s), the first: {errors[0]}", errors));
        }

        var texts = RawObjectTexts(body, parsed.Objects.Count);
        var submissions = new List<ObjectSubmission>(parsed.Objects.Count);
        for (var i = 0; i < parsed.Objects.Count; i++)
        {
            submissions.Add(new ObjectSubmission(StixObject.FromJson((JsonObject)parsed.Objects[i]!), texts[i]));
        }

        return (submissions, null);
    }

    /// <summary>
    /// The exact text of each element of the top-level <c>objects</c> array, found with a forward-only reader (no
    /// second document is built; the body was already checked by <see cref="StixJson"/>).
    /// </summary>
    private static string[] RawObjectTexts(ReadOnlyMemory<byte> body, int count)
    {
        var span = body.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var texts = new string[count];
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = 256 });
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isObjects = reader.ValueTextEquals("objects"u8);
            reader.Read();
            if (!isObjects || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var i = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                texts[i++] = Encoding.UTF8.GetString(span[start..(int)reader.BytesConsumed]);
            }

            break;
        }

        return texts;
    }
}
