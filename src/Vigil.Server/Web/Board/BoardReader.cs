using System.Collections.Concurrent;
using System.Globalization;
using Vigil.Core.Sharing;
using Vigil.Server.Web.Response;
using Vigil.Storage.Cases;

namespace Vigil.Server.Web.Board;

/// <summary>
/// Builds the board for a reader from the case and request stores, whose queries return only what it is a party to. The
/// party test is by organization, so the live streams of one organization's viewers share one build per
/// <see cref="SharedFor"/> instead of each rebuilding it.
/// </summary>
public sealed class BoardReader(SqlCaseStore cases, SqlRequestStore requests, TimeProvider time)
{
    private const int Window = 500;
    private static readonly TimeSpan SharedFor = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<string, (long Built, Task<BoardState> State)> _shared = new(StringComparer.Ordinal);

    /// <summary>The organization's board as built at most <see cref="SharedFor"/> ago, for the live streams.</summary>
    public Task<BoardState> ReadSharedAsync(Reader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var key = reader.OrgId ?? string.Empty;
        var now = time.GetTimestamp();
        if (_shared.TryGetValue(key, out var cached) && time.GetElapsedTime(cached.Built, now) < SharedFor && !cached.State.IsFaulted)
        {
            return cached.State.WaitAsync(cancellationToken);
        }

        // One viewer leaving must not cancel the build the others wait for.
        var build = ReadAsync(reader, CancellationToken.None);
        _shared[key] = (now, build);
        return build.WaitAsync(cancellationToken);
    }

    public async Task<BoardState> ReadAsync(Reader reader, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await cases.ListAsync(reader, new CaseQuery { Limit = Window }, cancellationToken).ConfigureAwait(false);
        var open = all.Where(c => c.Status != CaseStatus.Closed).ToList();
        var inbox = await requests.ListAsync(reader, RequestBox.Inbox, null, Window, cancellationToken).ConfigureAwait(false);
        var outbox = await requests.ListAsync(reader, RequestBox.Outbox, null, Window, cancellationToken).ConfigureAwait(false);
        var allRequests = inbox.Concat(outbox).DistinctBy(r => r.Id).ToList();

        var openRequests = allRequests.Where(r => r.Status == RequestStatus.Open)
            .OrderBy(r => r.Deadline ?? DateTimeOffset.MaxValue)
            .Select(r => new BoardRequest(r, Sla(r, now), Remaining(r, now)))
            .ToList();
        var feed = all.Select(c => new BoardFeedItem(c.StatusAt, $"Case \u201c{c.Title}\u201d is {Name(c.Status)}", ResponseLinks.Case(c.Id)))
            .Concat(allRequests.Select(r => new BoardFeedItem(r.CreatedAt, $"Request \u201c{r.Subject}\u201d ({Name(r.Kind)}) is {Name(r.Status)}", ResponseLinks.Request(r.Id))))
            .OrderByDescending(f => f.At)
            .Take(20)
            .ToList();
        return new BoardState(
            Count(open.Select(c => Name(c.Type))),
            Count(open.SelectMany(c => c.Jurisdictions.Count == 0 ? ["unspecified"] : c.Jurisdictions.Select(j => j.State is null ? j.Country : j.Country + "-" + j.State))),
            Count(all.Select(c => Name(c.Status))),
            openRequests,
            feed);
    }

    private static List<(string, int)> Count(IEnumerable<string> labels) =>
        [.. labels.GroupBy(l => l, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];

    private static string Sla(MemberRequest request, DateTimeOffset now)
    {
        if (request.Deadline is not { } deadline)
        {
            return "none";
        }

        if (deadline <= now)
        {
            return "red";
        }

        var total = deadline - request.CreatedAt;
        return total > TimeSpan.Zero && deadline - now < total / 4 ? "amber" : "ok";
    }

    private static string Remaining(MemberRequest request, DateTimeOffset now)
    {
        if (request.Deadline is not { } deadline)
        {
            return "no deadline";
        }

        var left = deadline - now;
        var text = Math.Abs(left.TotalHours) >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Abs(left.TotalHours)} h {Math.Abs(left.Minutes)} min")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(left.Minutes)} min");
        return left < TimeSpan.Zero ? text + " overdue" : text + " left";
    }

    private static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()).Replace('-', ' ');
}
