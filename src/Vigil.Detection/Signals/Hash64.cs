namespace Vigil.Detection.Signals;

/// <summary>A small, deterministic 64-bit hash (FNV-1a folded through a 64-bit finalizer); not for security.</summary>
internal static class Hash64
{
    public static ulong Of(ReadOnlySpan<char> text, ulong seed = 0)
    {
        var h = 0xCBF29CE484222325UL ^ seed;
        foreach (var c in text)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return Mix(h);
    }

    public static ulong Of(ReadOnlySpan<uint> values, ulong seed)
    {
        var h = 0xCBF29CE484222325UL ^ (seed * 0x9E3779B97F4A7C15UL);
        foreach (var v in values)
        {
            h = (h ^ v) * 0x100000001B3UL;
        }

        return Mix(h);
    }

    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }
}
