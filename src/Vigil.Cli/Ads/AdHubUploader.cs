using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Ads.Import;
using Vigil.Ads.Json;
using Vigil.Ads.Submission;
using Vigil.Server.Ads;

namespace Vigil.Cli.Ads;

/// <summary>
/// Streams an ad archive file to a hub's bulk endpoint (<c>POST /api/ads/bulk</c>): the file is read row by row in any
/// supported format and each readable ad is sent as one JSON Lines row, in requests of at most <see cref="AdsPerRequest"/> ads
/// so a file of any size stays under the hub's request-size limit and this process holds one row at a time. Rows this command
/// cannot read are rejected here; the hub's rejections name the row of its request, which is mapped back to the file's row
/// and line.
/// </summary>
public sealed class AdHubUploader(HttpClient client, Uri hub, string apiKey, int adsPerRequest = AdHubUploader.AdsPerRequest)
{
    public const int AdsPerRequest = 5000;

    public async Task<AdHubUploadSummary> UploadAsync(string path, AdImportOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var format = options.Format == AdFileFormat.Auto ? await AdFileLoader.DetectAsync(stream, cancellationToken).ConfigureAwait(false) : options.Format;
        var items = new AdImporter().ImportAsync(stream, options with { Format = format }, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = items.ConfigureAwait(false);
        var source = new RowSource(items);
        var url = BulkUrl(options.Platform);
        int created = 0, versions = 0, unchanged = 0;
        var rejections = new List<AdRejection>();
        while (await source.HasMoreAsync().ConfigureAwait(false))
        {
            var batch = new Batch();
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new BatchContent(source, batch, adsPerRequest) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new AdHubException($"{url.GetLeftPart(UriPartial.Path)} could not be reached: {e.Message}", created + versions + unchanged);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new AdHubException($"The hub refused the ads ({(int)response.StatusCode} {response.ReasonPhrase}): {Problem(body)}", created + versions + unchanged);
                }

                rejections.AddRange(batch.Local);
                using var answer = JsonDocument.Parse(body);
                var root = answer.RootElement;
                created += root.GetProperty("created").GetInt32();
                versions += root.GetProperty("new_versions").GetInt32();
                unchanged += root.GetProperty("unchanged").GetInt32();
                foreach (var r in root.GetProperty("rejections").EnumerateArray())
                {
                    var row = r.GetProperty("row").GetInt32();
                    var (fileRow, fileLine) = row >= 1 && row <= batch.Sent.Count ? batch.Sent[row - 1] : (0, 0);
                    rejections.Add(new AdRejection(fileRow, fileLine, r.TryGetProperty("ad_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
                        r.GetProperty("field").GetString() ?? string.Empty, r.GetProperty("reason").GetString() ?? string.Empty));
                }
            }

            progress?.Report(stream.Position);
        }

        return new AdHubUploadSummary(path, AdFormatNames.NameOf(format), source.Rows, created, versions, unchanged, [.. rejections.OrderBy(r => r.Row)]);
    }

    private Uri BulkUrl(string? platform)
    {
        var url = new Uri(hub, AdsApi.SubmissionPrefix + "/bulk");
        return platform is null ? url : new Uri(url + "?platform=" + Uri.EscapeDataString(platform));
    }

    /// <summary>The <c>detail</c> (else <c>title</c>) of a problem answer, or the start of the body.</summary>
    private static string Problem(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (string[])["detail", "title"])
                {
                    if (doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: show it as it came.
        }

        return body.Length > 300 ? body[..300] + "…" : body;
    }

    /// <summary>The file's rows, with one row looked at ahead so that no request is sent empty.</summary>
    private sealed class RowSource(IAsyncEnumerator<AdImportItem> items)
    {
        private bool _peeked;
        private bool _more = true;

        public int Rows { get; private set; }

        public async ValueTask<bool> HasMoreAsync()
        {
            if (!_peeked && _more)
            {
                _more = await items.MoveNextAsync().ConfigureAwait(false);
                _peeked = true;
            }

            return _more;
        }

        public async ValueTask<AdImportItem?> NextAsync()
        {
            if (!await HasMoreAsync().ConfigureAwait(false))
            {
                return null;
            }

            _peeked = false;
            Rows++;
            return items.Current;
        }
    }

    /// <summary>One request: the file row and line of each ad sent (in order) and the rows rejected before sending.</summary>
    private sealed class Batch
    {
        public List<(int Row, int Line)> Sent { get; } = [];

        public List<AdRejection> Local { get; } = [];
    }

    /// <summary>A request body written as the file is read: JSON Lines up to the limit of ads per request or the end of the file.</summary>
    private sealed class BatchContent : HttpContent
    {
        private static readonly byte[] NewLine = "\n"u8.ToArray();
        private readonly RowSource _source;
        private readonly Batch _batch;
        private readonly int _limit;

        public BatchContent(RowSource source, Batch batch, int limit)
        {
            _source = source;
            _batch = batch;
            _limit = limit;
            Headers.ContentType = new MediaTypeHeaderValue("application/jsonl") { CharSet = "utf-8" };
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            while (_batch.Sent.Count < _limit && await _source.NextAsync().ConfigureAwait(false) is { } item)
            {
                if (item.Ad is not { } ad)
                {
                    _batch.Local.AddRange(item.Problems.Select(p => new AdRejection(item.Row, item.Line, null, p.Field, p.Reason)));
                    continue;
                }

                _batch.Sent.Add((item.Row, item.Line));
                await stream.WriteAsync(AdJsonCodec.Encode(ad), cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
