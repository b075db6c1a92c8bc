namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// A seeded <see cref="Random"/> with the draws the generator needs. Each block, unit and customer gets its own
/// instance from <see cref="For"/>, so any part of the bank can be generated alone, in any order, on any thread.
/// </summary>
internal sealed class DemoRandom(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>Derives an independent stream: the same (seed, stream, key) always gives the same numbers.</summary>
    public static DemoRandom For(int seed, RandomStream stream, long key) => new(Mix(seed, (long)stream, key));

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Between(int min, int maxInclusive) => random.Next(min, maxInclusive + 1);

    public double NextDouble() => random.NextDouble();

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median: money amounts are skewed, most small and a few very large.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    public decimal Money(double median, double sigma, double min = 0.01) => Round2(Math.Max(min, LogNormal(median, sigma)));

    public int Poisson(double mean)
    {
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    public string Digits(int count)
    {
        Span<char> chars = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        return new string(chars);
    }

    public static decimal Round2(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds to a multiple of <paramref name="unit"/> (cash in hundreds, wealth orders in hundreds or thousands).</summary>
    public static decimal RoundTo(decimal value, decimal unit) => Math.Round(value / unit, MidpointRounding.AwayFromZero) * unit;

    // SplitMix64 finalizer: neighbouring keys give unrelated seeds.
    private static int Mix(int seed, long stream, long key)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xC2B2AE3D27D4EB4FUL ^ (ulong)key * 0x165667B19E3779F9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)z);
    }
}

internal enum RandomStream
{
    Block = 1,
    Unit = 2,
    Customer = 3,
    Staff = 4,
    Behaviour = 5,
    Consent = 6,
}

/// <summary>Items with weights, drawn in proportion; built once per list, drawn millions of times.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToList();
        items = [.. list.Select(e => e.Item)];
        cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            cumulative[i] = total;
        }
    }

    public IReadOnlyList<T> Items => items;

    public T Draw(DemoRandom random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return items[Math.Min(index, items.Length - 1)];
    }
}
