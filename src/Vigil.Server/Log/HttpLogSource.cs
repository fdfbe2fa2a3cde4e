using System.Net;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Tiles;
using Vigil.Ledger.Verification;

namespace Vigil.Server.Log;

/// <summary>
/// Reads a log over HTTP in the tlog-tiles layout: <c>GET {prefix}checkpoint</c> and <c>GET {prefix}{tile path}</c>.
/// <paramref name="prefix"/> is the log's URL ending in a slash, e.g. <c>https://hub.example.org/log/</c>.
/// </summary>
public sealed class HttpLogSource(HttpClient client, Uri prefix) : ILogSource
{
    /// <summary>The log prefix of a hub: <c>{hub}/log/</c>.</summary>
    public static Uri PrefixOf(Uri hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var text = hub.ToString().TrimEnd('/');
        return new Uri(text.EndsWith("/log", StringComparison.Ordinal) ? text + "/" : text + "/log/");
    }

    public Uri Prefix => prefix;

    /// <inheritdoc/>
    public async Task<string> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(prefix, "checkpoint");
        using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new LedgerException(LedgerFailure.UntrustedNote, $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<byte[]> GetTileAsync(TileCoordinate tile, CancellationToken cancellationToken)
    {
        var url = new Uri(prefix, TilePath.Format(tile));
        using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound || !response.IsSuccessStatusCode)
        {
            throw new LedgerException(LedgerFailure.MalformedTile, $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a cosigned checkpoint note to <c>{prefix}cosignature</c>; returns the merged note the log now serves.</summary>
    public async Task<string> PostCosignatureAsync(string cosignedNote, CancellationToken cancellationToken)
    {
        var url = new Uri(prefix, "cosignature");
        using var content = new StringContent(cosignedNote, System.Text.Encoding.UTF8, "text/plain");
        using var response = await client.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new LedgerException(LedgerFailure.UntrustedNote, $"POST {url} answered {(int)response.StatusCode}: {body}");
        }

        return body;
    }
}
