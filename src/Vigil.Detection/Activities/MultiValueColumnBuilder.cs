namespace Vigil.Detection.Activities;

internal sealed class MultiValueColumnBuilder(int capacity)
{
    private GrowableArray<int> _offsets = InitialOffsets(capacity);
    private GrowableArray<int> _values = new(capacity);
    private const int MaxCached = 1 << 20;
    private readonly StringPool _pool = new();
    // Normalizing (URL parsing) costs more than a lookup, and the same raw values repeat a lot.
    private readonly Dictionary<string, int> _normalized = new(StringComparer.Ordinal);

    private static GrowableArray<int> InitialOffsets(int capacity)
    {
        var offsets = new GrowableArray<int>(capacity + 1);
        offsets.Add(0);
        return offsets;
    }

    public void AddRow(IReadOnlyList<string>? values, Func<string, string?>? normalize = null)
    {
        if (values is not null)
        {
            for (var i = 0; i < values.Count; i++)
            {
                var raw = values[i];
                if (_normalized.TryGetValue(raw, out var known))
                {
                    if (known >= 0)
                    {
                        _values.Add(known);
                    }

                    continue;
                }

                var value = normalize is null ? raw : normalize(raw);
                var id = string.IsNullOrEmpty(value) ? -1 : _pool.Intern(value);
                if (id >= 0)
                {
                    _values.Add(id);
                }

                if (_normalized.Count < MaxCached)
                {
                    _normalized[raw] = id;
                }
            }
        }

        _offsets.Add(_values.Count);
    }

    public MultiValueColumn Build() => new() { Offsets = _offsets.ToArray(), Values = _values.ToArray(), Pool = _pool };
}
