namespace Vigil.Correlation.Sources;

/// <summary>Column positions by name (case-insensitive, trimmed) from a header record.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(CsvRecord header)
    {
        for (var i = 0; i < header.Fields.Count; i++)
        {
            _columns.TryAdd(header.Fields[i].Trim().TrimStart('\uFEFF'), i);
        }
    }

    public void Require(string source, params string[] names)
    {
        var missing = names.Where(name => !_columns.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            throw new FormatException($"{source}: the header (line 1) lacks the column(s) {string.Join(", ", missing)}.");
        }
    }

    public string Get(CsvRecord record, string name) =>
        _columns.TryGetValue(name, out var index) && index < record.Fields.Count ? record.Fields[index].Trim() : string.Empty;
}
