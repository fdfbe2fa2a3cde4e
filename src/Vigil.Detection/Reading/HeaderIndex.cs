namespace Vigil.Detection.Reading;

/// <summary>Finds columns by (case-insensitive) header name; a column that is absent has index -1.</summary>
internal sealed class HeaderIndex
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    public HeaderIndex(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i].Trim().Trim('\uFEFF').Trim(), i);
        }
    }

    public override string ToString() => string.Join(", ", _columns.Keys);

    public bool Has(string name) => _columns.ContainsKey(name);

    public int Find(params string[] names)
    {
        foreach (var name in names)
        {
            if (_columns.TryGetValue(name, out var index))
            {
                return index;
            }
        }

        return -1;
    }

    public static string? Get(IReadOnlyList<string?> fields, int index)
    {
        if (index < 0 || index >= fields.Count)
        {
            return null;
        }

        var value = fields[index];
        return string.IsNullOrEmpty(value) || value == "NA" ? null : value;
    }
}
