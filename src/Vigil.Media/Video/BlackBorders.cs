namespace Vigil.Media.Video;

/// <summary>
/// Finds letterbox or pillarbox bars: border rows and columns that are uniformly near black.
/// At most a third of each dimension is removed per side, so a dark frame is left whole.
/// </summary>
internal static class BlackBorders
{
    private const int MaxMean = 24;
    private const int MaxPeak = 48;

    public static (int X, int Y, int Width, int Height) Detect(ReadOnlySpan<byte> rgb, int width, int height)
    {
        var maxX = width / 3;
        var maxY = height / 3;
        var top = 0;
        while (top < maxY && IsDarkRow(rgb, width, top, 0, width))
        {
            top++;
        }

        var bottom = 0;
        while (bottom < maxY && IsDarkRow(rgb, width, height - 1 - bottom, 0, width))
        {
            bottom++;
        }

        var left = 0;
        while (left < maxX && IsDarkColumn(rgb, width, left, top, height - bottom))
        {
            left++;
        }

        var right = 0;
        while (right < maxX && IsDarkColumn(rgb, width, width - 1 - right, top, height - bottom))
        {
            right++;
        }

        return (left, top, width - left - right, height - top - bottom);
    }

    private static bool IsDarkRow(ReadOnlySpan<byte> rgb, int width, int y, int x0, int x1)
    {
        var row = rgb.Slice(((y * width) + x0) * 3, (x1 - x0) * 3);
        long sum = 0;
        foreach (var v in row)
        {
            if (v > MaxPeak)
            {
                return false;
            }

            sum += v;
        }

        return sum <= (long)MaxMean * row.Length;
    }

    private static bool IsDarkColumn(ReadOnlySpan<byte> rgb, int width, int x, int y0, int y1)
    {
        long sum = 0;
        for (var y = y0; y < y1; y++)
        {
            var p = rgb.Slice(((y * width) + x) * 3, 3);
            if (p[0] > MaxPeak || p[1] > MaxPeak || p[2] > MaxPeak)
            {
                return false;
            }

            sum += p[0] + p[1] + p[2];
        }

        return sum <= (long)MaxMean * 3 * (y1 - y0);
    }
}
