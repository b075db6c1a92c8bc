namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// The customer numbers and ID numbers met so far in the file, with the row that first had each, so that a
/// repeat is a row error. Entries of a batch become final only when the batch commits.
/// </summary>
internal sealed class SeenInFile
{
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<(Dictionary<string, int> Map, string Key)> pending = [];

    public int? NumberRow(string number) => numbers.TryGetValue(number, out var row) ? row : null;

    public int? IdRow(string id) => ids.TryGetValue(id, out var row) ? row : null;

    public void AddNumber(string number, int row) => Add(numbers, number, row);

    public void AddId(string id, int row) => Add(ids, id, row);

    public void Commit() => pending.Clear();

    public void Rollback()
    {
        foreach (var (map, key) in pending)
        {
            map.Remove(key);
        }

        pending.Clear();
    }

    private void Add(Dictionary<string, int> map, string key, int row)
    {
        if (map.TryAdd(key, row))
        {
            pending.Add((map, key));
        }
    }
}
