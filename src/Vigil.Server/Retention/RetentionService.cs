using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Storage.Retention;

namespace Vigil.Server.Retention;

/// <summary>
/// Applies retention at start, then every <see cref="RetentionOptions.Interval"/>, and on demand: each collection's rule,
/// then the hub's closed-case period. Runs never overlap. Each deletion writes its <c>data-deleted</c> event, which the
/// transparency log records.
/// </summary>
public sealed partial class RetentionService(SqlRetentionStore store, RetentionOptions options, ILogger<RetentionService> logger, TimeProvider? time = null)
    : BackgroundService
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<RetentionRun> RunNowAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var expired = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var rule in await store.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                var ids = await store.ExpireObjectsAsync(rule, cancellationToken).ConfigureAwait(false);
                if (ids.Count > 0)
                {
                    expired[rule.CollectionId] = ids;
                }
            }

            IReadOnlyList<string> cases = options.ClosedCaseDays is { } days
                ? await store.EraseClosedCasesAsync(TimeSpan.FromDays(days), cancellationToken).ConfigureAwait(false)
                : [];
            var run = new RetentionRun(_time.GetUtcNow(), expired, cases);
            LogRun(logger, expired.Values.Sum(v => v.Count), cases.Count);
            return run;
        }
        finally
        {
            _running.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{RetentionApi.Section}:Interval must be positive; it is {options.Interval}.");
        }

        if (options.ClosedCaseDays is < 1)
        {
            throw new InvalidOperationException($"{RetentionApi.Section}:ClosedCaseDays must be at least 1 when set; it is {options.ClosedCaseDays}.");
        }

        using var timer = new PeriodicTimer(options.Interval);
        do
        {
            try
            {
                await RunNowAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep (a database hiccup) is retried at the next interval; it must not stop the hub.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
        }
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>False when the hub stops, instead of the cancellation the timer throws.</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention expired {Objects} objects and erased {Cases} closed cases")]
    private static partial void LogRun(ILogger logger, int objects, int cases);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
