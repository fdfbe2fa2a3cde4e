using System.Text.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Json;

/// <summary>
/// One ad as a JSON document with every field (the JSON Lines form), for storage: <see cref="Encode"/> and <see cref="Decode"/> round
/// trip everything the writer keeps (dates to the second). Text other than JSON's own syntax is kept as UTF-8 rather than
/// <c>\uXXXX</c> escapes: a Czech or Polish creative is a third of the size, and these bytes are never embedded in HTML.
/// </summary>
public static class AdJsonCodec
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Encode(Ad ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            AdJsonWriter.Write(writer, ad, AdField.All);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an ad written by <see cref="Encode"/>; throws <see cref="FormatException"/> when it is not one.</summary>
    public static Ad Decode(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var problems = new List<AdProblem>();
        var ad = AdJsonReader.Read(doc.RootElement, "unknown", [], problems);
        return ad is not null && problems.Count == 0
            ? ad
            : throw new FormatException("Stored ad is not readable: " + string.Join("; ", problems));
    }
}
