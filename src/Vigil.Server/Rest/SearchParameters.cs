using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Sharing;
using Vigil.Core.Stix;
using Vigil.Storage.Objects;

namespace Vigil.Server.Rest;

/// <summary>The query string of <c>GET /api/rest/objects</c>, checked field by field.</summary>
internal sealed partial record SearchParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    private const int MaxTextLength = 200;

    public IReadOnlyList<string> Types { get; private init; } = [];
    public IReadOnlyList<string> Collections { get; private init; } = [];
    public IReadOnlyList<string> Authors { get; private init; } = [];
    public IReadOnlyList<TlpLevel> Markings { get; private init; } = [];
    public string? Text { get; private init; }
    public string? Label { get; private init; }
    public long? FromTicks { get; private init; }
    public long? ToTicks { get; private init; }
    public long? AddedAfter { get; private init; }
    public bool? Revoked { get; private init; }
    public bool AllVersions { get; private init; }
    public int Limit { get; private init; } = DefaultLimit;
    public string? Next { get; private init; }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,249}$", RegexOptions.CultureInvariant)]
    private static partial Regex StixType();

    public static (SearchParameters? Parameters, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        var types = List(query, "type");
        var bad = types.Where(t => !StixType().IsMatch(t)).ToArray();
        if (bad.Length > 0)
        {
            errors["type"] = [$"not a STIX type name: {string.Join(", ", bad)}"];
        }

        var markings = new List<TlpLevel>();
        foreach (var marking in List(query, "marking"))
        {
            if (ParseTlp(marking) is { } level)
            {
                markings.Add(level);
            }
            else
            {
                errors["marking"] = [$"'{marking}' is not a TLP level (clear, green, amber, amber+strict, red) or TLP marking-definition id"];
            }
        }

        var parameters = new SearchParameters
        {
            Types = types,
            Collections = List(query, "collection"),
            Authors = List(query, "author"),
            Markings = markings,
            Text = BoundedText(query, "text", errors),
            Label = BoundedText(query, "label", errors),
            FromTicks = Time(query, "from", errors)?.Ticks,
            ToTicks = Time(query, "to", errors)?.Ticks,
            AddedAfter = Time(query, "added_after", errors) is { } after ? DateAdded.FromUtc(after) : null,
            Revoked = Flag(query, "revoked", errors),
            AllVersions = ParseVersions(query, errors),
            Limit = ParseLimit(query, errors),
            Next = query["next"].FirstOrDefault(),
        };
        if (parameters.Next is { } next && !PageCursor.TryDecode(next, out _))
        {
            errors["next"] = ["is not a continuation token from a previous page"];
        }

        return (errors.Count == 0 ? parameters : null, errors);
    }

    public static TlpLevel? ParseTlp(string text) => text.Trim().ToLowerInvariant() switch
    {
        "clear" or "white" or "tlp:clear" or "tlp:white" => TlpLevel.Clear,
        "green" or "tlp:green" => TlpLevel.Green,
        "amber" or "tlp:amber" => TlpLevel.Amber,
        "amber+strict" or "amber-strict" or "amber strict" or "tlp:amber+strict" => TlpLevel.AmberStrict,
        "red" or "tlp:red" => TlpLevel.Red,
        var id => Tlp.LevelOf(id),
    };

    private static string[] List(IQueryCollection query, string name) =>
        [.. query[name].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    private static string? BoundedText(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var value = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > MaxTextLength)
        {
            errors[name] = [$"is {value.Length} characters; at most {MaxTextLength} are allowed"];
        }

        return value;
    }

    private static DateTime? Time(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var value = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (StixTimestamp.TryParse(value, out var stix))
        {
            return stix.Utc;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        errors[name] = [$"'{value}' is not a timestamp (e.g. 2026-11-03T00:00:00Z or 2026-11-03)"];
        return null;
    }

    private static bool? Flag(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var value = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors[name] = [$"'{value}' is not true or false"];
        return null;
    }

    private static bool ParseVersions(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var value = query["versions"].FirstOrDefault();
        switch (value)
        {
            case null or "" or "last":
                return false;
            case "all":
                return true;
            default:
                errors["versions"] = [$"'{value}' is neither 'last' nor 'all'"];
                return false;
        }
    }

    private static int ParseLimit(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var value = query["limit"].FirstOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            return DefaultLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        errors["limit"] = [$"'{value}' is not a whole number from 1 to {MaxLimit}"];
        return DefaultLimit;
    }
}
