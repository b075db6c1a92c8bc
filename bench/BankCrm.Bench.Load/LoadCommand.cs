using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace BankCrm.Bench.Load;

/// <summary>
/// A bounded load generator. Closed loop (--concurrency): N workers send back-to-back requests for S seconds,
/// giving throughput at saturation. Open loop (--rate): requests start on a fixed schedule and latency is
/// measured from the scheduled start, so a slow server cannot hide its queueing (no coordinated omission).
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var urls = File.ReadAllLines(RawCustomer360Server.Arg(args, "--urls-file") ?? throw new ArgumentException("--urls-file is required"))
            .Where(l => l.Length > 0).ToArray();
        var token = RawCustomer360Server.Arg(args, "--token");
        var seconds = double.Parse(RawCustomer360Server.Arg(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var label = RawCustomer360Server.Arg(args, "--label") ?? "run";
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // Warm up before measuring: tiered JIT needs several seconds of load to reach optimised code,
        // and the database's cache the pages of the sampled customers.
        var warmup = double.Parse(RawCustomer360Server.Arg(args, "--warmup") ?? "10", CultureInfo.InvariantCulture);
        await ClosedLoopAsync(client, urls, 16, TimeSpan.FromSeconds(warmup));
        var result = RawCustomer360Server.Arg(args, "--rate") is { } rate
            ? await OpenLoopAsync(client, urls, double.Parse(rate, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds))
            : await ClosedLoopAsync(client, urls, int.Parse(RawCustomer360Server.Arg(args, "--concurrency") ?? "50", CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds));
        Console.WriteLine(result.Describe(label));
        return result.Errors == 0 ? 0 : 1;
    }

    private static async Task<LoadResult> ClosedLoopAsync(HttpClient client, string[] urls, int concurrency, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var stopwatch = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration)
            {
                var url = urls[(Interlocked.Increment(ref next) & int.MaxValue) % urls.Length];
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(client, url);
                recorder.Record(Stopwatch.GetElapsedTime(started), ok);
            }
        });
        await Task.WhenAll(workers);
        return recorder.Result(stopwatch.Elapsed);
    }

    private static async Task<LoadResult> OpenLoopAsync(HttpClient client, string[] urls, double rate, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var total = (int)(rate * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1 / rate);
        var stopwatch = Stopwatch.StartNew();
        var inflight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = interval * i;
            var wait = scheduled - stopwatch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var url = urls[i % urls.Length];
            inflight.Add(Task.Run(async () =>
            {
                var ok = await SendAsync(client, url);
                recorder.Record(stopwatch.Elapsed - scheduled, ok);
            }));
        }

        await Task.WhenAll(inflight);
        return recorder.Result(stopwatch.Elapsed);
    }

    private static async Task<bool> SendAsync(HttpClient client, string url)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
