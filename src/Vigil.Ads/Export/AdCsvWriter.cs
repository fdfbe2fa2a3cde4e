using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Ads.Json;
using Vigil.Ads.Model;

namespace Vigil.Ads.Export;

/// <summary>
/// Streams ads as CSV (RFC 4180, UTF-8, no byte-order mark) in the flattened Meta layout researchers use: <c>spend_lower</c>/
/// <c>spend_upper</c>, <c>impressions_*</c>, <c>estimated_audience_size_*</c>; list fields as comma lists, several creative texts
/// as a JSON array, <c>demographic_distribution</c> and <c>delivery_by_region</c> as JSON (one fixed header, so export needs no
/// first pass over the data). Missing values are empty cells. The Meta CSV importer reads it back.
/// </summary>
public static class AdCsvWriter
{
    public static readonly string[] Header =
    [
        "id", "platform", "page_id", "page_name", "bylines", "advertiser_name", "ad_creation_time", "ad_delivery_start_time",
        "ad_delivery_stop_time", "ad_creative_bodies", "ad_creative_link_titles", "ad_creative_link_captions",
        "ad_creative_link_descriptions", "landing_urls", "currency", "spend_lower", "spend_upper", "impressions_lower",
        "impressions_upper", "estimated_audience_size_lower", "estimated_audience_size_upper", "languages", "publisher_platforms",
        "ad_reached_countries", "topics", "demographic_distribution", "delivery_by_region", "ad_snapshot_url", "version",
        "takedown_reason",
    ];

    public static async Task<long> WriteAsync(IAsyncEnumerable<Ad> ads, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ads);
        ArgumentNullException.ThrowIfNull(stream);
        await using var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var line = new StringBuilder(4096);
        Row(line, Header);
        long count = 0;
        var cells = new string?[Header.Length];
        await foreach (var ad in ads.WithCancellation(cancellationToken))
        {
            Fill(cells, ad);
            Row(line, cells);
            count++;
            if (line.Length > 1 << 15)
            {
                await text.WriteAsync(line, cancellationToken);
                line.Clear();
            }
        }

        await text.WriteAsync(line, cancellationToken);
        await text.FlushAsync(cancellationToken);
        return count;
    }

    public static Task<long> WriteAsync(IEnumerable<Ad> ads, Stream stream, CancellationToken cancellationToken) =>
        WriteAsync(AdJsonLinesWriter.ToAsync(ads), stream, cancellationToken);

    private static void Fill(string?[] c, Ad ad)
    {
        c[0] = ad.Id;
        c[1] = ad.Platform;
        c[2] = ad.PageId;
        c[3] = ad.PageName;
        c[4] = ad.Byline;
        c[5] = ad.AdvertiserName;
        c[6] = Date(ad.CreatedAt);
        c[7] = Date(ad.DeliveryStart);
        c[8] = Date(ad.DeliveryStop);
        c[9] = Texts(ad.CreativeBodies);
        c[10] = Texts(ad.LinkTitles);
        c[11] = Texts(ad.LinkCaptions);
        c[12] = Texts(ad.LinkDescriptions);
        c[13] = Join(ad.LandingUrls);
        c[14] = ad.Currency;
        c[15] = ad.Spend?.Lower.ToString(CultureInfo.InvariantCulture);
        c[16] = ad.Spend?.Upper?.ToString(CultureInfo.InvariantCulture);
        c[17] = ad.Impressions?.Lower.ToString(CultureInfo.InvariantCulture);
        c[18] = ad.Impressions?.Upper?.ToString(CultureInfo.InvariantCulture);
        c[19] = ad.EstimatedAudienceSize?.Lower.ToString(CultureInfo.InvariantCulture);
        c[20] = ad.EstimatedAudienceSize?.Upper?.ToString(CultureInfo.InvariantCulture);
        c[21] = Join(ad.Languages);
        c[22] = ad.PublisherPlatforms.Count == 0 ? null : string.Join(", ", ad.PublisherPlatforms.Select(p => p.ToLowerInvariant()));
        c[23] = Join(ad.ReachedCountries);
        c[24] = Join(ad.Topics);
        c[25] = ad.Demographics.Count == 0 ? null : Json(w =>
        {
            foreach (var d in ad.Demographics)
            {
                w.WriteStartObject();
                w.WriteString("percentage", d.Share.ToString("R", CultureInfo.InvariantCulture));
                w.WriteString("age", d.Age);
                w.WriteString("gender", d.Gender);
                w.WriteEndObject();
            }
        });
        c[26] = ad.Regions.Count == 0 ? null : Json(w =>
        {
            foreach (var r in ad.Regions)
            {
                w.WriteStartObject();
                w.WriteString("percentage", r.Share.ToString("R", CultureInfo.InvariantCulture));
                w.WriteString("region", r.Region);
                w.WriteEndObject();
            }
        });
        c[27] = ad.SnapshotUrl;
        c[28] = ad.Version.ToString(CultureInfo.InvariantCulture);
        c[29] = ad.Takedown?.Reason;
    }

    private static string? Date(DateTimeOffset? d) => d is { } date ? AdJsonWriter.FormatDate(date) : null;

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(",", values);

    private static string? Texts(IReadOnlyList<string> values) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => Json(w =>
        {
            foreach (var v in values)
            {
                w.WriteStringValue(v);
            }
        }),
    };

    private static string Json(Action<Utf8JsonWriter> items)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            items(w);
            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Row(StringBuilder line, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var cell = cells[i];
            if (string.IsNullOrEmpty(cell))
            {
                continue;
            }

            if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                line.Append(cell);
            }
            else
            {
                line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
        }

        line.Append('\n');
    }
}
