namespace Vigil.Detection.Reporting;

/// <summary>
/// Fruchterman–Reingold force-directed layout, seeded so the same graph always gives the same
/// picture. Returns positions in the unit square.
/// </summary>
internal static class ForceLayout
{
    public static (double X, double Y)[] Compute(int nodes, IReadOnlyList<(int A, int B, double Weight)> edges, int seed, int iterations = 250)
    {
        var random = new Random(seed);
        var x = new double[nodes];
        var y = new double[nodes];
        for (var i = 0; i < nodes; i++)
        {
            x[i] = random.NextDouble();
            y[i] = random.NextDouble();
        }

        var k = Math.Sqrt(1.0 / Math.Max(1, nodes));
        var dx = new double[nodes];
        var dy = new double[nodes];
        var temperature = 0.1;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            for (var i = 0; i < nodes; i++)
            {
                for (var j = i + 1; j < nodes; j++)
                {
                    var ex = x[i] - x[j];
                    var ey = y[i] - y[j];
                    var d2 = Math.Max(1e-6, (ex * ex) + (ey * ey));
                    var force = k * k / d2;
                    dx[i] += ex * force;
                    dy[i] += ey * force;
                    dx[j] -= ex * force;
                    dy[j] -= ey * force;
                }
            }

            foreach (var (a, b, _) in edges)
            {
                var ex = x[a] - x[b];
                var ey = y[a] - y[b];
                var d = Math.Max(1e-6, Math.Sqrt((ex * ex) + (ey * ey)));
                var force = d / k;
                dx[a] -= ex * force;
                dy[a] -= ey * force;
                dx[b] += ex * force;
                dy[b] += ey * force;
            }

            for (var i = 0; i < nodes; i++)
            {
                var length = Math.Max(1e-9, Math.Sqrt((dx[i] * dx[i]) + (dy[i] * dy[i])));
                var step = Math.Min(length, temperature);
                x[i] += dx[i] / length * step;
                y[i] += dy[i] / length * step;
            }

            temperature *= 0.98;
        }

        return Normalize(x, y);
    }

    private static (double X, double Y)[] Normalize(double[] x, double[] y)
    {
        var result = new (double, double)[x.Length];
        if (x.Length == 0)
        {
            return result;
        }

        var (minX, maxX, minY, maxY) = (x.Min(), x.Max(), y.Min(), y.Max());
        var spanX = Math.Max(1e-9, maxX - minX);
        var spanY = Math.Max(1e-9, maxY - minY);
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = (x.Length == 1 ? 0.5 : (x[i] - minX) / spanX, y.Length == 1 ? 0.5 : (y[i] - minY) / spanY);
        }

        return result;
    }
}
