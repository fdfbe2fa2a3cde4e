namespace Vigil.Detection.Signals;

/// <summary>
/// Decides which co-acting account pairs are unlikely by chance. The null model keeps every item's
/// share times and every account's number of shares but assigns accounts to share slots at random
/// (equivalently: shuffles which account made which timed share). Under it, the number of
/// co-actions of accounts a and b is close to Poisson with mean
/// λ = S · 2·nₐ·n_b / (N² − Σnᵢ²), where S is the number of co-action slots the signal produced,
/// nᵢ an account's occurrences and N their sum. A pair is kept when it has at least the signal's
/// minimum co-actions and P(X ≥ w | λ) ≤ α / M (Bonferroni over the M candidate pairs).
/// Trending items shared by many unrelated accounts raise S and so λ for everyone, which is what
/// keeps a crowd that shares by chance from being flagged.
/// </summary>
internal static class NullModel
{
    /// <summary>The model for one signal: per-account occurrence counts and the normalization of λ.</summary>
    public sealed class Model
    {
        private readonly long[] _perAccount;
        private readonly double _scale;

        public Model(Occurrences occurrences, CandidateEdges candidates, int accountCount, double alpha)
        {
            _perAccount = new long[accountCount];
            foreach (var account in occurrences.Accounts)
            {
                _perAccount[account]++;
            }

            double total = occurrences.Count;
            double squares = 0;
            foreach (var n in _perAccount)
            {
                squares += (double)n * n;
            }

            _scale = candidates.Slots * 2.0 / Math.Max(1.0, (total * total) - squares);
            Threshold = -Math.Log10(alpha / Math.Max(1, candidates.Count));
        }

        /// <summary>−log10 of the Bonferroni-corrected significance level.</summary>
        public double Threshold { get; }

        /// <summary>λ for accounts a and b.</summary>
        public double Expected(int a, int b) => _scale * _perAccount[a] * _perAccount[b];
    }

    /// <summary>log10 P(X ≥ k) for X ~ Poisson(λ).</summary>
    public static double PoissonTailLog10(int k, double lambda)
    {
        if (k <= 0)
        {
            return 0;
        }

        if (lambda <= 0)
        {
            return double.NegativeInfinity;
        }

        if (lambda >= k)
        {
            return 0; // not informative: at least about one half
        }

        // Sum the terms from k upwards in log space; they shrink geometrically since λ < k.
        var logTerm = -lambda + (k * Math.Log(lambda)) - LogFactorial(k);
        var sum = 1.0;
        var ratio = 1.0;
        for (var j = k + 1; j < k + 1000; j++)
        {
            ratio *= lambda / j;
            sum += ratio;
            if (ratio < 1e-12 * sum)
            {
                break;
            }
        }

        return Math.Min(0, (logTerm + Math.Log(sum)) / Math.Log(10));
    }

    private static double LogFactorial(int n)
    {
        if (n < 20)
        {
            var result = 0.0;
            for (var i = 2; i <= n; i++)
            {
                result += Math.Log(i);
            }

            return result;
        }

        // Stirling's series, accurate to ~1e-10 for n ≥ 20.
        double x = n;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x)) - (1 / (360 * x * x * x));
    }
}
