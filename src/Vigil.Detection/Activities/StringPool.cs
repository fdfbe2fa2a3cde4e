namespace Vigil.Detection.Activities;

/// <summary>Interns strings to dense integer ids (0, 1, 2, ...) so hot paths compare ints.</summary>
public sealed class StringPool
{
    private readonly Dictionary<string, int> _ids;
    private readonly List<string> _values;

    public StringPool(int capacity = 0)
    {
        _ids = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _values = new List<string>(capacity);
    }

    public int Count => _values.Count;

    public string this[int id] => _values[id];

    public int Intern(string value)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, value, out var exists);
        if (!exists)
        {
            slot = _values.Count;
            _values.Add(value);
        }

        return slot;
    }

    /// <summary>Interns the text of <paramref name="value"/>; a string is allocated only the first time it is seen.</summary>
    public int Intern(ReadOnlySpan<char> value)
    {
        if (_ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var id))
        {
            return id;
        }

        return Intern(value.ToString());
    }

    public int Find(string value) => _ids.TryGetValue(value, out var id) ? id : -1;
}
