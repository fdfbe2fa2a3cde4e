using System.Globalization;
using System.Text.Json;
using Vigil.Core.Members;
using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Entries;

/// <summary>Reads and checks the members of one entry, remembering which it read so unknown members can be refused.</summary>
internal sealed class EntryReader(JsonElement json, long? index)
{
    public const int MaxTextLength = 256;
    public const int MaxListLength = 1000;
    private readonly HashSet<string> _read = ["type"];

    public DateTimeOffset Time()
    {
        var text = Text("at");
        if (!DateTimeOffset.TryParseExact(text, EntryFields.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw Bad($"'at' is '{text}', not a UTC time like 2026-05-01T12:00:00.000Z");
        }

        return time;
    }

    public string Text(string name) => OptionalText(name) ?? throw Bad($"'{name}' is missing");

    public string? OptionalText(string name)
    {
        _read.Add(name);
        if (!json.TryGetProperty(name, out var node) || node.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return CheckText(name, node);
    }

    public string Token(string name)
    {
        var text = Text(name);
        if (text.Length > 64 || !text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw Bad($"'{name}' is '{text}', not a lower-case token of letters, digits and hyphens");
        }

        return text;
    }

    public string Sha256Hex(string name)
    {
        var text = Text(name);
        if (text.Length != 64 || !text.All(c => c is (>= 'a' and <= 'f') or (>= '0' and <= '9')))
        {
            throw Bad($"'{name}' is not 64 lower-case hex digits");
        }

        return text;
    }

    public int Int(string name)
    {
        _read.Add(name);
        if (!json.TryGetProperty(name, out var node) || node.ValueKind != JsonValueKind.Number
            || !node.TryGetInt32(out var number) || number < 0)
        {
            throw Bad($"'{name}' must be a non-negative integer");
        }

        return number;
    }

    public DateOnly Date(string name)
    {
        var text = Text(name);
        if (!DateOnly.TryParseExact(text, EntryFields.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Bad($"'{name}' is '{text}', not a date like 2026-05-01");
        }

        return date;
    }

    public Sector Sector(string name)
    {
        var text = Text(name);
        foreach (var sector in Enum.GetValues<Sector>())
        {
            if (EntryFields.SectorName(sector) == text)
            {
                return sector;
            }
        }

        throw Bad($"'{name}' is '{text}', not a known sector");
    }

    public IReadOnlyList<string> TextList(string name)
    {
        _read.Add(name);
        if (!json.TryGetProperty(name, out var node) || node.ValueKind != JsonValueKind.Array)
        {
            throw Bad($"'{name}' must be an array of strings");
        }

        var count = node.GetArrayLength();
        if (count > MaxListLength)
        {
            throw Bad($"'{name}' has {count} items; the limit is {MaxListLength}");
        }

        var list = new string[count];
        var i = 0;
        foreach (var item in node.EnumerateArray())
        {
            list[i] = CheckText($"{name}[{i}]", item);
            i++;
        }

        return list;
    }

    /// <summary>Refuses members the entry type does not define, so nothing (content included) can ride along unseen.</summary>
    public void EnsureNoOtherMembers()
    {
        foreach (var member in json.EnumerateObject())
        {
            if (!_read.Contains(member.Name))
            {
                throw Bad($"member '{member.Name}' is not part of this entry type");
            }
        }
    }

    public LedgerException Bad(string what) =>
        new(LedgerFailure.MalformedEntry, index is null ? $"Ledger entry: {what}." : $"Ledger entry {index}: {what}.", index);

    private string CheckText(string name, JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.String)
        {
            throw Bad($"'{name}' must be a string");
        }

        var text = node.GetString()!;
        if (text.Length is 0 or > MaxTextLength)
        {
            throw Bad($"'{name}' must be 1–{MaxTextLength} characters, not {text.Length}");
        }

        if (text.Any(char.IsControl))
        {
            throw Bad($"'{name}' holds a control character");
        }

        return text;
    }
}
