using Vigil.Ads.Import;
using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Ads.Submission;
using Vigil.Storage.Ads;

namespace Vigil.Server.Ads;

/// <summary>
/// Loads a published ad archive file (any <see cref="AdFileFormat"/>) into the hub's archive, in batches of one transaction each.
/// Rows the importer rejects are skipped and listed; re-loading a file is idempotent (every ad comes back unchanged).
/// These are ads from platforms' own public archives, not member submissions, so no advertiser registration is required.
/// </summary>
public static class AdFileLoader
{
    public const int BatchSize = 500;

    /// <param name="progress">Reports the bytes of the file read so far, after each batch.</param>
    public static async Task<AdFileLoadSummary> LoadAsync(SqlAdArchive archive, string path, AdImportOptions options, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var format = options.Format == AdFileFormat.Auto ? await DetectAsync(stream, cancellationToken).ConfigureAwait(false) : options.Format;

        int rows = 0, created = 0, versions = 0, unchanged = 0;
        var skipped = new List<AdRejection>();
        var batch = new List<Ad>(BatchSize);
        async Task FlushAsync()
        {
            foreach (var result in await archive.SaveManyAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                switch (result)
                {
                    case AdSaveResult.Created:
                        created++;
                        break;
                    case AdSaveResult.NewVersion:
                        versions++;
                        break;
                    default:
                        unchanged++;
                        break;
                }
            }

            batch.Clear();
            progress?.Report(stream.Position);
        }

        await foreach (var item in new AdImporter().ImportAsync(stream, options with { Format = format }, cancellationToken).ConfigureAwait(false))
        {
            rows++;
            if (item.Ad is { } ad)
            {
                batch.Add(ad);
                if (batch.Count == BatchSize)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }
            else
            {
                skipped.AddRange(item.Problems.Select(p => new AdRejection(item.Row, item.Line, null, p.Field, p.Reason)));
            }
        }

        await FlushAsync().ConfigureAwait(false);
        return new AdFileLoadSummary(path, AdFormatNames.NameOf(format), rows, created, versions, unchanged, skipped);
    }

    /// <summary>The format of a file from its first non-blank line (an empty file reads as JSON Lines); leaves the stream at its start.</summary>
    public static async Task<AdFileFormat> DetectAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var peek = new StreamReader(stream, leaveOpen: true);
        var first = await peek.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        while (first is not null && string.IsNullOrWhiteSpace(first))
        {
            first = await peek.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }

        stream.Position = 0;
        return first is null ? AdFileFormat.JsonLines : AdImporter.Detect(first);
    }
}
