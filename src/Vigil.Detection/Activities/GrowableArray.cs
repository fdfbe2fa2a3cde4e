namespace Vigil.Detection.Activities;

/// <summary>An append-only array that doubles; used by builders so columns end as exact-size arrays.</summary>
internal struct GrowableArray<T>(int capacity)
{
    private T[] _items = new T[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    public readonly T this[int index] => _items[index];

    public readonly ref T At(int index) => ref _items[index];

    public readonly ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Count);

    public readonly T[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
