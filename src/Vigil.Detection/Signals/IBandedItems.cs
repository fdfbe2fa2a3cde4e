namespace Vigil.Detection.Signals;

/// <summary>Items to group by locality-sensitive banding: equal band keys make candidates, <see cref="Similar"/> confirms.</summary>
internal interface IBandedItems
{
    int Count { get; }
    int Bands { get; }
    ulong BandKey(int item, int band);
    bool Similar(int a, int b);
}
