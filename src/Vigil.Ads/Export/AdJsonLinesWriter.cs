using System.Buffers;
using System.Text.Json;
using Vigil.Ads.Json;
using Vigil.Ads.Model;

namespace Vigil.Ads.Export;

/// <summary>
/// Vigil's JSON Lines ad format, used for bulk submission (<c>vigil ads import</c>) and export: one ad object per line, UTF-8,
/// fields named as in Meta's <c>ads_archive</c> (<c>id</c>, <c>ad_creative_bodies</c>, <c>bylines</c>, <c>spend</c> as
/// <c>{"lower_bound","upper_bound"}</c>, <c>demographic_distribution</c>, <c>delivery_by_region</c>, …) plus <c>platform</c>,
/// <c>advertiser_id</c>, <c>advertiser_name</c>, <c>landing_urls</c>, <c>media_hashes</c>, <c>media_urls</c>,
/// <c>ad_reached_countries</c>, <c>topics</c>, <c>targeting</c> (<c>[{name, value, included}]</c>), <c>version</c> and
/// <c>takedown</c> (<c>{at, reason, by}</c>). Missing values are left out. The importer reads the same lines back.
/// </summary>
public static class AdJsonLinesWriter
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task<long> WriteAsync(IAsyncEnumerable<Ad> ads, Stream stream, CancellationToken cancellationToken, AdField fields = AdField.All)
    {
        ArgumentNullException.ThrowIfNull(ads);
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        await using var writer = new Utf8JsonWriter(buffer);
        long count = 0;
        await foreach (var ad in ads.WithCancellation(cancellationToken))
        {
            AdJsonWriter.Write(writer, ad, fields);
            writer.Flush();
            writer.Reset();
            buffer.Write(NewLine);
            count++;
            if (buffer.WrittenCount > 1 << 15)
            {
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }

        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return count;
    }

    public static Task<long> WriteAsync(IEnumerable<Ad> ads, Stream stream, CancellationToken cancellationToken, AdField fields = AdField.All) =>
        WriteAsync(ToAsync(ads), stream, cancellationToken, fields);

    internal static async IAsyncEnumerable<Ad> ToAsync(IEnumerable<Ad> ads)
    {
        foreach (var ad in ads)
        {
            yield return ad;
        }

        await Task.CompletedTask;
    }
}
