namespace Vigil.Media.Index;

/// <summary>Enumerates every value within a Hamming radius of a <c>width</c>-bit value.</summary>
internal static class Neighbourhood
{
    public interface IVisitor
    {
        void Visit(ulong value);
    }

    public static double Size(int width, int radius)
    {
        double total = 0, term = 1;
        for (var r = 0; r <= Math.Min(radius, width); r++)
        {
            total += term;
            term = term * (width - r) / (r + 1);
        }

        return total;
    }

    public static void Visit<TVisitor>(ulong value, int width, int radius, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        visitor.Visit(value);
        Flip(value, width, 0, Math.Min(radius, width), ref visitor);
    }

    private static void Flip<TVisitor>(ulong value, int width, int from, int remaining, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        if (remaining == 0)
        {
            return;
        }

        for (var bit = from; bit < width; bit++)
        {
            var flipped = value ^ (1UL << bit);
            visitor.Visit(flipped);
            Flip(flipped, width, bit + 1, remaining - 1, ref visitor);
        }
    }
}
