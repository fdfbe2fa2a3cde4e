using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Vigil.Core.Stix;
using Vigil.Storage.Objects;

namespace Vigil.Server.Taxii;

/// <summary>The TAXII 2.1 URL filters (section 3.4): added_after, limit, next and match[id|type|version|spec_version].</summary>
public sealed record TaxiiFilters
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 1000;

    public long? AddedAfter { get; init; }
    public int Limit { get; init; } = DefaultLimit;
    public string? Next { get; init; }
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> SpecVersions { get; init; } = [];
    public VersionMatch? Versions { get; init; }

    /// <summary>Parses the query string; the error says which parameter is wrong and why.</summary>
    public static (TaxiiFilters? Filters, TaxiiError? Error) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new TaxiiFilters();
        if (Single(query, "added_after", out var addedAfter) is { } e1)
        {
            return (null, e1);
        }

        if (addedAfter is not null)
        {
            if (!StixTimestamp.TryParse(addedAfter, out var timestamp))
            {
                return (null, TaxiiError.BadRequest($"added_after: '{addedAfter}' is not a timestamp of the form YYYY-MM-DDTHH:MM:SS[.s+]Z."));
            }

            filters = filters with { AddedAfter = DateAdded.FromUtc(timestamp.Utc) };
        }

        if (Single(query, "limit", out var limit) is { } e2)
        {
            return (null, e2);
        }

        if (limit is not null)
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return (null, TaxiiError.BadRequest($"limit: '{limit}' is not a positive integer."));
            }

            filters = filters with { Limit = Math.Min(value, MaxLimit) };
        }

        if (Single(query, "next", out var next) is { } e3)
        {
            return (null, e3);
        }

        if (next is not null && !PageCursor.TryDecode(next, out _))
        {
            return (null, TaxiiError.BadRequest($"next: '{next}' is not a value this server issued in a 'next' property."));
        }

        var ids = List(query["match[id]"]);
        foreach (var id in ids)
        {
            var separator = id.IndexOf("--", StringComparison.Ordinal);
            if (separator <= 0 || !Guid.TryParseExact(id.AsSpan(separator + 2), "D", out _))
            {
                return (null, TaxiiError.BadRequest($"match[id]: '{id}' is not a STIX identifier (type--UUID)."));
            }
        }

        var types = List(query["match[type]"]);
        foreach (var type in types)
        {
            if (!IsTypeName(type))
            {
                return (null, TaxiiError.BadRequest($"match[type]: '{type}' is not a STIX type name."));
            }
        }

        var specVersions = List(query["match[spec_version]"]);
        foreach (var spec in specVersions)
        {
            if (spec is not ("2.0" or "2.1"))
            {
                return (null, TaxiiError.BadRequest($"match[spec_version]: '{spec}' is not a STIX specification version (2.0 or 2.1)."));
            }
        }

        var (versions, versionError) = ParseVersions(List(query["match[version]"]));
        if (versionError is not null)
        {
            return (null, versionError);
        }

        return (filters with { Next = next, Ids = ids, Types = types, SpecVersions = specVersions, Versions = versions }, null);
    }

    private static (VersionMatch?, TaxiiError?) ParseVersions(List<string> values)
    {
        if (values.Count == 0)
        {
            return (null, null);
        }

        var selectors = new List<VersionSelector>();
        var ticks = new List<long>();
        foreach (var value in values)
        {
            switch (value)
            {
                case "last":
                    selectors.Add(VersionSelector.Last);
                    break;
                case "first":
                    selectors.Add(VersionSelector.First);
                    break;
                case "all":
                    selectors.Add(VersionSelector.All);
                    break;
                default:
                    if (!StixTimestamp.TryParse(value, out var timestamp))
                    {
                        return (null, TaxiiError.BadRequest($"match[version]: '{value}' is neither first, last, all nor a timestamp."));
                    }

                    ticks.Add(timestamp.Utc.Ticks);
                    break;
            }
        }

        return (new VersionMatch { Selectors = selectors, VersionTicks = ticks }, null);
    }

    private static TaxiiError? Single(IQueryCollection query, string name, out string? value)
    {
        var values = query[name];
        value = values.Count == 0 ? null : values[0];
        return values.Count > 1 ? TaxiiError.BadRequest($"{name}: given {values.Count.ToString(CultureInfo.InvariantCulture)} times; give it once.") : null;
    }

    private static List<string> List(StringValues values)
    {
        var list = new List<string>();
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!list.Contains(part))
                {
                    list.Add(part);
                }
            }
        }

        return list;
    }

    private static bool IsTypeName(string type)
    {
        if (type.Length is < 3 or > 250)
        {
            return false;
        }

        foreach (var c in type)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
