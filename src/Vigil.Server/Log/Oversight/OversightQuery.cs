using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Privacy;

namespace Vigil.Server.Log.Oversight;

/// <summary>
/// A filter over the transparency log's entries: entry types, an organization named in any <c>*_org</c> field, a sector
/// named in any <c>*_sector</c> field, a time range on the entry's <c>at</c>, and keyset paging by entry index.
/// </summary>
public sealed record OversightQuery
{
    public const int MaxLimit = 1000;

    public IReadOnlySet<string> Types { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    public string? Org { get; init; }
    public string? Sector { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Entries after this index (exclusive); null starts at the first entry.</summary>
    public long? After { get; init; }

    public int Limit { get; init; } = 100;

    /// <summary>Reads the query string; every bad parameter is named with what is wrong.</summary>
    public static (OversightQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in query["type"])
        {
            foreach (var type in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!OversightLog.EntryTypes.Contains(type, StringComparer.Ordinal))
                {
                    errors["type"] = [$"'{type}' is not an entry type; expected one of {string.Join(", ", OversightLog.EntryTypes)}"];
                }

                types.Add(type);
            }
        }

        var org = Text(query, "org", 200, errors);
        var sector = Text(query, "sector", 40, errors);
        if (sector is not null && !SectorNames.TryParse(sector, out _))
        {
            errors["sector"] = [$"'{sector}' is not a sector; expected one of {string.Join(", ", SectorNames.All.Select(SectorNames.NameOf))}"];
        }

        var from = Time(query, "from", errors);
        var to = Time(query, "to", errors);
        if (from is not null && to is not null && to < from)
        {
            errors["to"] = ["must not be before from"];
        }

        long? after = null;
        if (query["after"].ToString() is { Length: > 0 } afterText)
        {
            if (long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                after = parsed;
            }
            else
            {
                errors["after"] = [$"'{afterText}' is not an entry index (a whole number of 0 or more)"];
            }
        }

        var limit = 100;
        if (query["limit"].ToString() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"'{limitText}' is not between 1 and {MaxLimit}"];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new OversightQuery { Types = types, Org = org, Sector = sector, From = from, To = to, After = after, Limit = limit }, errors);
    }

    private static string? Text(IQueryCollection query, string name, int max, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString().Trim();
        if (text.Length > max)
        {
            errors[name] = [$"at most {max} characters"];
        }

        return text.Length == 0 ? null : text;
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors[name] = [$"'{text}' is not a date or date and time (ISO 8601, such as 2026-11-03 or 2026-11-03T18:00Z)"];
        return null;
    }
}
