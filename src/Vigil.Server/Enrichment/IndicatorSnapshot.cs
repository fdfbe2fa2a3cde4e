using System.Globalization;
using System.Text.Json;
using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Evaluation;
using Vigil.Core.Patterning.Indexing;
using Vigil.Storage.Objects;

namespace Vigil.Server.Enrichment;

/// <summary>
/// The indexed active indicators one reader may see, as of <see cref="MaxSeq"/>. Immutable and thread-safe once built.
/// Indicators whose <c>valid_until</c> has passed are left out at build time and again at match time.
/// </summary>
public sealed class IndicatorSnapshot
{
    private readonly IndicatorMatcher _matcher;
    private readonly Dictionary<string, ActiveIndicator> _byId;

    // Indicators added since the full build: their own small matcher, and every id they touch masks the base's entry
    // (a new version replaces, a revoked or expired one removes). Kept until the delta grows too large.
    private readonly IndicatorSnapshot? _delta;
    private readonly IReadOnlyList<StoredObject> _deltaStored = [];
    private readonly HashSet<string>? _mask;

    private IndicatorSnapshot(IndicatorMatcher matcher, Dictionary<string, ActiveIndicator> byId, long maxSeq, DateTimeOffset builtAt, int skipped)
    {
        _matcher = matcher;
        _byId = byId;
        MaxSeq = maxSeq;
        BuiltAt = builtAt;
        Skipped = skipped;
    }

    private IndicatorSnapshot(IndicatorSnapshot full, IndicatorSnapshot delta, List<StoredObject> deltaStored)
        : this(full._matcher, full._byId, Math.Max(full.MaxSeq, delta.MaxSeq), full.BuiltAt, full.Skipped + delta.Skipped)
    {
        _delta = delta;
        _deltaStored = deltaStored;
        _mask = new HashSet<string>(deltaStored.Select(s => s.Id), StringComparer.Ordinal);
    }

    /// <summary>Stored versions added since the full build; when this passes <see cref="MaxDelta"/> the next change rebuilds in full.</summary>
    public int DeltaCount => _deltaStored.Count;

    /// <summary>The most added versions kept beside the full index before a full rebuild.</summary>
    public const int MaxDelta = 5000;

    /// <summary>The highest <c>seq</c> (date_added) among the loaded versions: a newer visible indicator version means rebuild.</summary>
    public long MaxSeq { get; }

    public DateTimeOffset BuiltAt { get; }

    /// <summary>Active indicators (a replaced indicator counts twice until the next full build).</summary>
    public int Count => _byId.Count + (_delta?.Count ?? 0);

    /// <summary>Stored indicators left out: revoked, expired, not a STIX pattern, or a pattern that does not parse.</summary>
    public int Skipped { get; }

    public static IndicatorSnapshot Build(IEnumerable<StoredObject> stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var byId = new Dictionary<string, ActiveIndicator>(StringComparer.Ordinal);
        long maxSeq = 0;
        var skipped = 0;
        foreach (var item in stored)
        {
            maxSeq = Math.Max(maxSeq, item.Seq);
            if (Read(item, now) is not { } indicator)
            {
                skipped++;
                continue;
            }

            // The same object can sit in several readable collections; one entry is enough.
            if (!byId.TryGetValue(indicator.Id, out var existing) || existing.Seq < indicator.Seq)
            {
                byId[indicator.Id] = indicator;
            }
        }

        var matcher = new IndicatorMatcher(byId.Values.Select(i => new PatternEntry(i.Id, i.Pattern)).ToArray());
        return new IndicatorSnapshot(matcher, byId, maxSeq, now, skipped);
    }

    /// <summary>
    /// This snapshot with versions added after <see cref="MaxSeq"/> laid over it, or null when the delta would grow past
    /// <see cref="MaxDelta"/> and a full build is due. <paramref name="added"/> are the latest visible versions of the changed indicators.
    /// </summary>
    public IndicatorSnapshot? WithAdded(IReadOnlyCollection<StoredObject> added, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(added);
        if (_deltaStored.Count + added.Count > MaxDelta)
        {
            return null;
        }

        var latest = new Dictionary<(string, string), StoredObject>();
        foreach (var item in _deltaStored.Concat(added))
        {
            latest[(item.CollectionId, item.Id)] = item;
        }

        var stored = latest.Values.ToList();
        var full = new IndicatorSnapshot(_matcher, _byId, MaxSeq, BuiltAt, Skipped - (_delta?.Skipped ?? 0));
        return new IndicatorSnapshot(full, Build(stored, now), stored);
    }

    /// <summary>Every indicator matching some observation, with the observation indexes, leaving out indicators expired by <paramref name="now"/>.</summary>
    public (List<(ActiveIndicator Indicator, IReadOnlyList<int> Observations)> Matches, IReadOnlyList<UndecidedIndicator> Undecided) Match(
        IReadOnlyList<ObservationInput> observations, DateTimeOffset now)
    {
        var result = _matcher.Match(observations);
        var matches = new List<(ActiveIndicator, IReadOnlyList<int>)>(result.Matches.Count);
        foreach (var match in result.Matches)
        {
            if (_byId.TryGetValue(match.Id, out var indicator) && !(indicator.ValidUntil <= now) && _mask?.Contains(match.Id) != true)
            {
                matches.Add((indicator, match.ObservationIndices));
            }
        }

        if (_delta is null)
        {
            return (matches, result.Undecided);
        }

        var (added, undecided) = _delta.Match(observations, now);
        matches.AddRange(added);
        return (matches, [.. result.Undecided.Where(u => !_mask!.Contains(u.Id)), .. undecided]);
    }

    private static ActiveIndicator? Read(StoredObject item, DateTimeOffset now)
    {
        if (item.Revoked || item.Json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(item.Json);
        var root = document.RootElement;
        if (Text(root, "pattern") is not { } patternText
            || (Text(root, "pattern_type") is { } patternType && patternType != "stix")
            || (root.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True))
        {
            return null;
        }

        DateTimeOffset? validUntil = null;
        if (Text(root, "valid_until") is { } until)
        {
            if (!DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) || parsed <= now)
            {
                return null;
            }

            validUntil = parsed;
        }

        if (!StixPatternParser.TryParse(patternText, out var pattern, out _))
        {
            return null;
        }

        return new ActiveIndicator
        {
            Id = item.Id,
            Name = Text(root, "name"),
            PatternText = patternText,
            Pattern = pattern,
            CollectionId = item.CollectionId,
            Tlp = item.Tlp,
            AuthorOrg = item.AuthorOrgId,
            ValidUntil = validUntil,
            Seq = item.Seq,
        };
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
