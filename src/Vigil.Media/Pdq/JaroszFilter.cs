using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vigil.Media.Pdq;

/// <summary>
/// The two-pass Jarosz box filter and the 64x64 decimation of the reference. Every output is the
/// reference's float sequence (running sum: add, subtract, divide by the window count) so results
/// are bit-identical; speed comes from running 8 to 32 independent lines side by side in vector
/// lanes. Lines along rows are first transposed into strips of 32 (or 8) so they become lanes too.
/// </summary>
internal static class JaroszFilter
{
    private const int Passes = 2;
    private const int Strip = 32;

    /// <summary>The reference's window size: a full 64x64 block over two passes, rounded up.</summary>
    public static int WindowSize(int oldDimension, int newDimension) =>
        (oldDimension + (2 * newDimension) - 1) / (2 * newDimension);

    /// <summary>
    /// Blurs the luminance in <paramref name="buffer1"/> (clobbering both buffers) and samples it at
    /// the 64x64 block centres. The second pass only carries the 64 sampled columns past its row
    /// filter, since nothing else is read afterwards; the values are the same as filtering everything.
    /// </summary>
    public static void FilterAndDecimate(Span<float> buffer1, Span<float> buffer2, int rows, int cols, Span<float> output64x64)
    {
        var windowAlongRows = WindowSize(cols, 64);
        var windowAlongCols = WindowSize(rows, 64);
        Span<int> sampledColumns = stackalloc int[64];
        for (var j = 0; j < 64; j++)
        {
            sampledColumns[j] = (int)((j + 0.5) * cols / 64);
        }

        var strip = System.Buffers.ArrayPool<float>.Shared.Rent(2 * Strip * cols);
        try
        {
            BoxAlongRows(buffer1, buffer2, rows, cols, windowAlongRows, strip, default);
            BoxLines(buffer2, buffer1, rows, cols, cols, windowAlongCols);
            BoxAlongRows(buffer1, buffer2, rows, cols, windowAlongRows, strip, sampledColumns);
            BoxLines(buffer2[..(rows * 64)], buffer1, rows, 64, 64, windowAlongCols);
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(strip);
        }

        for (var i = 0; i < 64; i++)
        {
            buffer1.Slice((int)((i + 0.5) * rows / 64) * 64, 64).CopyTo(output64x64.Slice(i * 64, 64));
        }
    }

    /// <summary>
    /// Filters every row: strips of rows are transposed so each row becomes a lane. With
    /// <paramref name="keep"/>, only those columns are written, as rows of keep.Length values.
    /// </summary>
    private static void BoxAlongRows(ReadOnlySpan<float> input, Span<float> output, int rows, int cols, int window, float[] scratch, ReadOnlySpan<int> keep)
    {
        for (var r = 0; r < rows;)
        {
            var lanes = rows - r >= Strip ? Strip : rows - r >= 8 ? 8 : 1;
            var across = scratch.AsSpan(0, lanes * cols);
            var filtered = scratch.AsSpan(Strip * cols, lanes * cols);
            Interleave(input.Slice(r * cols, lanes * cols), across, cols, lanes);
            BoxLines(across, filtered, cols, lanes, lanes, window);
            if (keep.IsEmpty)
            {
                Deinterleave(filtered, output.Slice(r * cols, lanes * cols), cols, lanes);
            }
            else
            {
                for (var k = 0; k < lanes; k++)
                {
                    var row = output.Slice((r + k) * keep.Length, keep.Length);
                    for (var j = 0; j < keep.Length; j++)
                    {
                        row[j] = filtered[(keep[j] * lanes) + k];
                    }
                }
            }

            r += lanes;
        }
    }

    /// <summary>rows[k][x] (k &lt; lanes) to across[x][k].</summary>
    private static void Interleave(ReadOnlySpan<float> rows, Span<float> across, int cols, int lanes)
    {
        ref var src = ref MemoryMarshal.GetReference(rows);
        ref var dst = ref MemoryMarshal.GetReference(across);
        for (nint x = 0; x < cols; x++)
        {
            ref var column = ref Unsafe.Add(ref dst, x * lanes);
            for (nint k = 0; k < lanes; k++)
            {
                Unsafe.Add(ref column, k) = Unsafe.Add(ref src, (k * cols) + x);
            }
        }
    }

    /// <summary>across[x][k] back to rows[k][x].</summary>
    private static void Deinterleave(ReadOnlySpan<float> across, Span<float> rows, int cols, int lanes)
    {
        ref var src = ref MemoryMarshal.GetReference(across);
        ref var dst = ref MemoryMarshal.GetReference(rows);
        for (nint k = 0; k < lanes; k++)
        {
            ref var row = ref Unsafe.Add(ref dst, k * cols);
            for (nint x = 0; x < cols; x++)
            {
                Unsafe.Add(ref row, x) = Unsafe.Add(ref src, (x * lanes) + k);
            }
        }
    }

    /// <summary>
    /// Box-filters <paramref name="lanes"/> independent lines laid out as [position][stride]: line k
    /// is elements k, k + stride, k + 2 stride, ... (<paramref name="positions"/> of them).
    /// </summary>
    private static void BoxLines(ReadOnlySpan<float> input, Span<float> output, int positions, int stride, int lanes, int window)
    {
        if (input.Length < ((positions - 1) * stride) + lanes || output.Length < ((positions - 1) * stride) + lanes)
        {
            throw new ArgumentException("Buffer too small for the filtered lines.");
        }

        ref var inRef = ref MemoryMarshal.GetReference(input);
        ref var outRef = ref MemoryMarshal.GetReference(output);
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k + 32 <= lanes; k += 32)
            {
                Box32(ref Unsafe.Add(ref inRef, k), ref Unsafe.Add(ref outRef, k), positions, stride, window);
            }

            for (; k + 8 <= lanes; k += 8)
            {
                Box8(ref Unsafe.Add(ref inRef, k), ref Unsafe.Add(ref outRef, k), positions, stride, window);
            }
        }

        for (; k < lanes; k++)
        {
            Box1(ref Unsafe.Add(ref inRef, k), ref Unsafe.Add(ref outRef, k), positions, stride, window);
        }
    }

    private readonly record struct Phases(int Add, int Grow, int Full, int Shrink)
    {
        public static Phases For(int window, int length)
        {
            var half = (window + 2) / 2;
            return new Phases(half - 1, window - half + 1, length - window, half - 1);
        }
    }

    private static void Box1(ref float input, ref float output, int positions, int stride, int window)
    {
        var p = Phases.For(window, positions);
        nint li = 0, ri = 0, oi = 0;
        var count = 0;
        var sum = 0f;
        for (var i = 0; i < p.Add; i++, ri += stride)
        {
            sum += Unsafe.Add(ref input, ri);
            count++;
        }

        for (var i = 0; i < p.Grow; i++, ri += stride, oi += stride)
        {
            sum += Unsafe.Add(ref input, ri);
            count++;
            Unsafe.Add(ref output, oi) = sum / count;
        }

        for (var i = 0; i < p.Full; i++, ri += stride, li += stride, oi += stride)
        {
            sum += Unsafe.Add(ref input, ri);
            sum -= Unsafe.Add(ref input, li);
            Unsafe.Add(ref output, oi) = sum / count;
        }

        for (var i = 0; i < p.Shrink; i++, li += stride, oi += stride)
        {
            sum -= Unsafe.Add(ref input, li);
            count--;
            Unsafe.Add(ref output, oi) = sum / count;
        }
    }

    private static void Box8(ref float input, ref float output, int positions, int stride, int window)
    {
        var p = Phases.For(window, positions);
        nuint li = 0, ri = 0, oi = 0, s = (nuint)stride;
        var count = 0;
        var sum = Vector256<float>.Zero;
        for (var i = 0; i < p.Add; i++, ri += s)
        {
            sum += Vector256.LoadUnsafe(ref input, ri);
            count++;
        }

        for (var i = 0; i < p.Grow; i++, ri += s, oi += s)
        {
            sum += Vector256.LoadUnsafe(ref input, ri);
            count++;
            (sum / Vector256.Create((float)count)).StoreUnsafe(ref output, oi);
        }

        var n = Vector256.Create((float)count);
        for (var i = 0; i < p.Full; i++, ri += s, li += s, oi += s)
        {
            sum += Vector256.LoadUnsafe(ref input, ri);
            sum -= Vector256.LoadUnsafe(ref input, li);
            (sum / n).StoreUnsafe(ref output, oi);
        }

        for (var i = 0; i < p.Shrink; i++, li += s, oi += s)
        {
            sum -= Vector256.LoadUnsafe(ref input, li);
            count--;
            (sum / Vector256.Create((float)count)).StoreUnsafe(ref output, oi);
        }
    }

    private static void Box32(ref float input, ref float output, int positions, int stride, int window)
    {
        var p = Phases.For(window, positions);
        nuint li = 0, ri = 0, oi = 0, s = (nuint)stride;
        var count = 0;
        Vector256<float> a = default, b = default, c = default, d = default;
        for (var i = 0; i < p.Add; i++, ri += s)
        {
            a += Vector256.LoadUnsafe(ref input, ri);
            b += Vector256.LoadUnsafe(ref input, ri + 8);
            c += Vector256.LoadUnsafe(ref input, ri + 16);
            d += Vector256.LoadUnsafe(ref input, ri + 24);
            count++;
        }

        for (var i = 0; i < p.Grow; i++, ri += s, oi += s)
        {
            a += Vector256.LoadUnsafe(ref input, ri);
            b += Vector256.LoadUnsafe(ref input, ri + 8);
            c += Vector256.LoadUnsafe(ref input, ri + 16);
            d += Vector256.LoadUnsafe(ref input, ri + 24);
            count++;
            Store4(a, b, c, d, Vector256.Create((float)count), ref output, oi);
        }

        var n = Vector256.Create((float)count);
        for (var i = 0; i < p.Full; i++, ri += s, li += s, oi += s)
        {
            a += Vector256.LoadUnsafe(ref input, ri);
            b += Vector256.LoadUnsafe(ref input, ri + 8);
            c += Vector256.LoadUnsafe(ref input, ri + 16);
            d += Vector256.LoadUnsafe(ref input, ri + 24);
            a -= Vector256.LoadUnsafe(ref input, li);
            b -= Vector256.LoadUnsafe(ref input, li + 8);
            c -= Vector256.LoadUnsafe(ref input, li + 16);
            d -= Vector256.LoadUnsafe(ref input, li + 24);
            Store4(a, b, c, d, n, ref output, oi);
        }

        for (var i = 0; i < p.Shrink; i++, li += s, oi += s)
        {
            a -= Vector256.LoadUnsafe(ref input, li);
            b -= Vector256.LoadUnsafe(ref input, li + 8);
            c -= Vector256.LoadUnsafe(ref input, li + 16);
            d -= Vector256.LoadUnsafe(ref input, li + 24);
            count--;
            Store4(a, b, c, d, Vector256.Create((float)count), ref output, oi);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4(Vector256<float> a, Vector256<float> b, Vector256<float> c, Vector256<float> d, Vector256<float> n, ref float output, nuint at)
    {
        (a / n).StoreUnsafe(ref output, at);
        (b / n).StoreUnsafe(ref output, at + 8);
        (c / n).StoreUnsafe(ref output, at + 16);
        (d / n).StoreUnsafe(ref output, at + 24);
    }
}
