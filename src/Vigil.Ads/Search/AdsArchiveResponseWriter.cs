using System.Text.Json;
using Vigil.Ads.Json;

namespace Vigil.Ads.Search;

/// <summary>
/// Writes an <c>ads_archive</c> response as Meta shapes it: <c>{"data":[…],"paging":{"cursors":{"after":…},"next":…}}</c>.
/// <c>paging</c> is left out on the last page, as Meta leaves out <c>next</c> there.
/// </summary>
public static class AdsArchiveResponseWriter
{
    /// <param name="baseUrl">Absolute URL of the endpoint (e.g. <c>https://hub.example/public/ads_archive</c>) for <c>next</c>.</param>
    public static void Write(Utf8JsonWriter writer, AdSearchPage page, AdsArchiveQuery query, string baseUrl, Vigil.Correlation.Sources.ISourceLookup? sources = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(query);
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        foreach (var ad in page.Ads)
        {
            AdJsonWriter.Write(writer, ad, query.Fields, sources);
        }

        writer.WriteEndArray();
        if (page.After is { } after)
        {
            writer.WriteStartObject("paging");
            writer.WriteStartObject("cursors");
            writer.WriteString("after", after);
            writer.WriteEndObject();
            writer.WriteString("next", baseUrl + "?" + AdsArchiveQueryString.Format(query with { After = after }));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static async Task WriteAsync(Stream stream, AdSearchPage page, AdsArchiveQuery query, string baseUrl, CancellationToken cancellationToken,
        Vigil.Correlation.Sources.ISourceLookup? sources = null)
    {
        await using var writer = new Utf8JsonWriter(stream);
        Write(writer, page, query, baseUrl, sources);
        await writer.FlushAsync(cancellationToken);
    }
}
