using System.Collections.Concurrent;
using System.Globalization;

namespace BankCrm.Bench.Load;

internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> milliseconds = [];
    private int errors;

    public void Record(TimeSpan latency, bool ok)
    {
        milliseconds.Add(latency.TotalMilliseconds);
        if (!ok)
        {
            Interlocked.Increment(ref errors);
        }
    }

    public LoadResult Result(TimeSpan elapsed)
    {
        var sorted = milliseconds.ToArray();
        Array.Sort(sorted);
        return new LoadResult(sorted.Length, errors, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

internal sealed record LoadResult(int Requests, int Errors, TimeSpan Elapsed, double P50, double P95, double P99, double Max)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public string Describe(string label) => string.Create(CultureInfo.InvariantCulture,
        $"{label}: requests={Requests} errors={Errors} seconds={Elapsed.TotalSeconds:F1} rps={RequestsPerSecond:F0} p50_ms={P50:F2} p95_ms={P95:F2} p99_ms={P99:F2} max_ms={Max:F2}");
}
