using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Vigil.Ads.Json;
using Vigil.Ads.Model;
using Vigil.Ads.Search;

namespace Vigil.Storage.Ads;

/// <summary>
/// What the archive writes for an ad, computed before the write transaction: the key, the content hash, the JSON of its first
/// version, its facet values and full-text tokens. None of it needs the database, so a batch is prepared on every core while
/// the single writer is free for another batch.
/// </summary>
internal sealed record PreparedAd(Ad Ad, string Key, byte[] Hash, byte[] FirstJson, string[] Facets, string[] Tokens)
{
    /// <summary>Below this many ads a batch is prepared on the calling thread: handing out the work costs more than it saves.</summary>
    private const int ParallelFrom = 64;

    public Ad First => Ad with { Version = 1 };

    public static PreparedAd Of(Ad ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        return new PreparedAd(ad, AdRows.KeyOf(ad), ContentHash(ad), AdJsonCodec.Encode(ad with { Version = 1 }), AdRows.Facets(ad), AdRows.Tokens(ad));
    }

    public static PreparedAd[] All(IReadOnlyList<Ad> ads, CancellationToken cancellationToken)
    {
        var prepared = new PreparedAd[ads.Count];
        if (ads.Count < ParallelFrom)
        {
            for (var i = 0; i < prepared.Length; i++)
            {
                prepared[i] = Of(ads[i]);
            }

            return prepared;
        }

        try
        {
            Parallel.For(0, prepared.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = Of(ads[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The caller sees what a sequential save would have thrown, not the wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return prepared;
    }

    /// <summary>The content hash: SHA-256 of the ad's JSON with the version left out, in the writer's default escaping (as first stored).</summary>
    public static byte[] ContentHash(Ad ad)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            AdJsonWriter.Write(writer, ad with { Version = 0 }, AdField.All);
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }
}
