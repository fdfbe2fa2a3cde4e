namespace Vigil.Detection.Signals;

/// <summary>Items to group by locality-sensitive banding: equal band keys make candidates, <see cref="Similar"/> confirms.</summary>
internal interface IBandedItems
{
    int Count { get; }
    int Bands { get; }
    ulong BandKey(int item, int band);

    /// <summary>Called once, before any <see cref="Similar"/>, with every item that will be compared (ascending).</summary>
    void Prepare(IReadOnlyList<int> compared);

    bool Similar(int a, int b);
}
