using CsvHelper;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// The per-row error report, written as the import goes so that a file of 100,000 bad rows needs no memory:
/// CSV in UTF-8 with a byte order mark (Excel then reads the Chinese correctly), values that start like a
/// formula escaped. The first <see cref="KeptInMemory"/> errors are also kept for the screen.
/// </summary>
public sealed class ImportErrorReport : IDisposable
{
    public const int KeptInMemory = 100;

    private readonly CsvWriter? writer;
    private readonly List<ImportRowError> first = [];

    private ImportErrorReport(Stream? destination)
    {
        if (destination is null)
        {
            return;
        }

        writer = CsvWriter.Create(destination, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var title in (string[])["行号", "字段", "值", "错误说明"])
        {
            writer.WriteField(title);
        }

        writer.EndRecord();
    }

    public int Count { get; private set; }

    public IReadOnlyList<ImportRowError> First => first;

    /// <summary>A report written to <paramref name="destination"/>, which the caller keeps and disposes.</summary>
    public static ImportErrorReport WriteTo(Stream destination) => new(destination);

    /// <summary>A report that only counts and keeps the first errors, for callers that need no file.</summary>
    public static ImportErrorReport InMemory() => new(null);

    public void Add(ImportRowError error)
    {
        Count++;
        if (first.Count < KeptInMemory)
        {
            first.Add(error);
        }

        if (writer is not null)
        {
            writer.WriteField(error.Row, default);
            writer.WriteField(error.Field);
            writer.WriteField(error.Value);
            writer.WriteField(error.Message);
            writer.EndRecord();
        }
    }

    public void Flush() => writer?.Flush();

    public void Dispose() => writer?.Dispose();
}
