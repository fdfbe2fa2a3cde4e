namespace Vigil.Benchmarks.Exchange;

/// <summary>What a read load run measured: requests, requests per second, and latency percentiles in milliseconds.</summary>
public sealed record LoadResult(int Requests, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds)
{
    public override string ToString() =>
        $"{Requests} requests, {RequestsPerSecond:F0}/s, p50 {P50Milliseconds:F2} ms, p99 {P99Milliseconds:F2} ms";
}
