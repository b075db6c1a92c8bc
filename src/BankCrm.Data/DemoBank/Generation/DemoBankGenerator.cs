namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// The whole demo bank as a stream of chunks. Only one chunk is in memory at a time; inside a chunk the blocks are
/// generated in parallel, and chunks come out in customer order with their rows numbered.
/// </summary>
internal sealed class DemoBankGenerator
{
    private readonly BlockGenerator blocks;

    public DemoBankGenerator(DemoBankOptions options, DateOnly asOf)
    {
        Layout = new BankLayout(options, asOf);
        Calendar = new HistoryCalendar(Layout.HistoryStart, asOf);
        blocks = new BlockGenerator(Layout, Calendar);
    }

    public BankLayout Layout { get; }

    public HistoryCalendar Calendar { get; }

    public IEnumerable<DemoBankChunk> Chunks(int customersPerChunk, CancellationToken cancellationToken = default)
    {
        var blocksPerChunk = Math.Max(1, customersPerChunk / BlockGenerator.Size);
        var blockCount = (Layout.Options.Customers + BlockGenerator.Size - 1) / BlockGenerator.Size;
        var numbering = new RowNumbering();
        for (long first = 0; first < blockCount; first += blocksPerChunk)
        {
            var count = (int)Math.Min(blocksPerChunk, blockCount - first);
            var results = new List<GeneratedCustomer>[count];
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            var start = first;
            Parallel.For(0, count, parallel, i => results[i] = blocks.Generate(start + i));
            var chunk = new DemoBankChunk([.. results.SelectMany(r => r)]);
            numbering.Number(chunk);
            yield return chunk;
        }
    }
}
