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

    public int Find(string value) => _ids.TryGetValue(value, out var id) ? id : -1;
}
