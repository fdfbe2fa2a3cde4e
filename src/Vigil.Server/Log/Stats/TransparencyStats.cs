using Vigil.Core.Members;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Storage.Members;

namespace Vigil.Server.Log.Stats;

/// <summary>
/// Public aggregate statistics of the transparency log per week and per month: shares by author sector, audience,
/// marking and content class; refusals by rule; requests by agency and type; responses by outcome; reads across
/// sectors; disclosures and deletions. Computed from the log's own entries, so anyone who verifies the log can
/// recompute them. Entries are read once: each call reads only what was appended since the last.
/// </summary>
public sealed class TransparencyStats(TransparencyLog log, IMemberStore members)
{
    private const int ReadBatch = 1024;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(StatPeriod, string Period, string Measure, string Key), (Dictionary<string, string> Dimensions, long Count)> _counts = [];
    private long _scanned;

    public async Task<IReadOnlyList<StatRow>> GetAsync(StatPeriod period, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            return [.. _counts
                .Where(c => c.Key.Item1 == period)
                .OrderBy(c => c.Key.Period, StringComparer.Ordinal).ThenBy(c => c.Key.Measure, StringComparer.Ordinal).ThenBy(c => c.Key.Key, StringComparer.Ordinal)
                .Select(c => new StatRow(c.Key.Period, c.Key.Measure, c.Value.Dimensions, c.Value.Count))];
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var size = await log.GetSizeAsync(cancellationToken).ConfigureAwait(false);
        if (size <= _scanned)
        {
            return;
        }

        var organizations = (await members.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var byId = organizations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var byIdentity = organizations.Where(o => !string.IsNullOrEmpty(o.IdentityId)).ToDictionary(o => o.IdentityId, StringComparer.Ordinal);
        while (_scanned < size)
        {
            var count = (int)Math.Min(ReadBatch, size - _scanned);
            var entries = await log.ReadEntriesAsync(_scanned, count, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                LedgerEvent parsed;
                try
                {
                    parsed = LedgerEntryCodec.Parse(entry.Span);
                }
                catch (Vigil.Ledger.Errors.LedgerException)
                {
                    Count(DateTimeOffset.UnixEpoch, "unreadable-entries", []);
                    continue;
                }

                Add(parsed, byId, byIdentity);
            }

            _scanned += entries.Count;
        }
    }

    private void Add(LedgerEvent entry, Dictionary<string, Organization> byId, Dictionary<string, Organization> byIdentity)
    {
        string SectorOf(string orgId) => byId.TryGetValue(orgId, out var org) ? Name(org.Sector) : "unknown";
        switch (entry)
        {
            case ObjectShared shared:
                var audience = shared.Recipients.Count == 0
                    ? "collection readers"
                    : string.Join('+', shared.Recipients.Select(r => byIdentity.TryGetValue(r, out var org) ? Name(org.Sector) : "other").Distinct().Order(StringComparer.Ordinal));
                Count(entry.OccurredAt, "shares", [("author_sector", SectorOf(shared.AuthorOrg)), ("audience", audience),
                    ("marking", shared.Marking ?? "none"), ("content_class", shared.ContentClass)]);
                break;
            case ShareRefused refused:
                Count(entry.OccurredAt, "refusals", [("rule", refused.Rule), ("target_sector", Name(refused.TargetSector)), ("content_class", refused.ContentClass)]);
                break;
            case RequestSent sent:
                Count(entry.OccurredAt, "requests", [("from", byId.TryGetValue(sent.FromOrg, out var from) ? from.Name : sent.FromOrg),
                    ("from_sector", SectorOf(sent.FromOrg)), ("type", sent.RequestType)]);
                break;
            case RequestAnswered answered:
                Count(entry.OccurredAt, "responses", [("outcome", answered.Outcome), ("responder_sector", SectorOf(answered.ResponderOrg))]);
                break;
            case ObjectRead read:
                Count(entry.OccurredAt, "cross-sector-reads", [("reader_sector", Name(read.ReaderSector)), ("author_sector", Name(read.AuthorSector))]);
                break;
            case LegalProcessAttached legal:
                Count(entry.OccurredAt, "legal-process", [("type", legal.ProcessType)]);
                break;
            default:
                Count(entry.OccurredAt, entry.Type, []);
                break;
        }
    }

    private void Count(DateTimeOffset at, string measure, (string Name, string Value)[] dimensions)
    {
        var key = string.Join('\u001f', dimensions.Select(d => d.Name + "=" + d.Value));
        foreach (var period in Enum.GetValues<StatPeriod>())
        {
            var slot = (period, StatPeriods.Label(period, at), measure, key);
            _counts[slot] = _counts.TryGetValue(slot, out var existing)
                ? (existing.Dimensions, existing.Count + 1)
                : (dimensions.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal), 1);
        }
    }

    private static string Name(Sector sector) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(sector.ToString());
}
