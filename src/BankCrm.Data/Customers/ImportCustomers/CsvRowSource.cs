using System.Text;
using CsvHelper;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// Reads a CSV file (comma, semicolon or tab separated) record by record. A null encoding means UTF-8, where the
/// reader also drops a byte order mark; GB18030 input is transcoded by the reader.
/// </summary>
internal sealed class CsvRowSource(Stream stream, Encoding? encoding, int? estimatedRows) : IImportRowSource
{
    // One customer row is a few hundred bytes; a 1 MiB record is a broken quote or a hostile file.
    private const int MaxRecordBytes = 1 << 20;

    private readonly Dictionary<long, CsvMalformedReason> malformed = [];
    private CsvReader? reader;

    public int? EstimatedRows => estimatedRows;

    public IEnumerable<SourceRow> ReadRows()
    {
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            SkipEmptyLines = false,
            Encoding = encoding,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = record => malformed[record.RecordNumber] = record.Reason,
        };
        reader = CsvReader.Create(stream, options, leaveOpen: true);
        while (reader.Read())
        {
            var cells = new object?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            var number = checked((int)reader.RowNumber);
            var problem = malformed.Remove(number, out var reason) && reason == CsvMalformedReason.UnterminatedQuote
                ? "该行有未闭合的双引号，从这里到文件末尾都被读成了一个单元格"
                : null;
            yield return new SourceRow(number, cells, problem);
        }
    }

    public void Dispose() => reader?.Dispose();
}
