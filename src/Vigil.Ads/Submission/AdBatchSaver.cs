using Vigil.Ads.Model;
using Vigil.Ads.Search;

namespace Vigil.Ads.Submission;

/// <summary>
/// Saves a submission's accepted ads <see cref="AdSubmission.BatchSize"/> at a time, in order, with one batch in flight while the
/// next is read and validated: the archive's writer and the request's parsing then use different cores.
/// </summary>
internal sealed class AdBatchSaver(IAdArchive archive)
{
    private readonly int[] _counts = new int[3];
    private List<Ad> _batch = new(AdSubmission.BatchSize);
    private Task? _pending;

    public int Created => _counts[(int)AdSaveResult.Created];

    public int NewVersions => _counts[(int)AdSaveResult.NewVersion];

    public int Unchanged => _counts[(int)AdSaveResult.Unchanged];

    public async ValueTask AddAsync(Ad ad, CancellationToken cancellationToken)
    {
        _batch.Add(ad);
        if (_batch.Count == AdSubmission.BatchSize)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Saves what is left and waits for every batch.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count > 0)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_pending is not null)
        {
            await _pending.ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a batch still in flight after the submission failed, so no write outlives it; the failure is the caller's to report.</summary>
    public async Task DrainAsync()
    {
        if (_pending is { IsCompleted: false } pending)
        {
            await pending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending is not null)
        {
            await _pending.ConfigureAwait(false);
        }

        var full = _batch;
        _batch = new List<Ad>(AdSubmission.BatchSize);
        _pending = Task.Run(() => SaveAsync(full, cancellationToken), cancellationToken);
    }

    private async Task SaveAsync(List<Ad> batch, CancellationToken cancellationToken)
    {
        foreach (var result in await archive.SaveManyAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            _counts[(int)result]++;
        }
    }
}
