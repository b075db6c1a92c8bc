using MiniExcelLibs;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// Reads the first worksheet of an .xlsx file with MiniExcel's streaming query. MiniExcel returns every row from
/// row 1, blank ones included, keyed by column letter, so the position in the sequence is the Excel row number.
/// </summary>
internal sealed class ExcelRowSource(Stream stream) : IImportRowSource
{
    public int? EstimatedRows { get; } = CountRows(stream);

    public IEnumerable<SourceRow> ReadRows()
    {
        stream.Position = 0;
        var number = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            var cells = new object?[row.Count == 0 ? 0 : row.Keys.Max(ColumnIndex) + 1];
            foreach (var (column, value) in row)
            {
                cells[ColumnIndex(column)] = value;
            }

            yield return new SourceRow(number, cells);
        }
    }

    public void Dispose()
    {
    }

    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var ch in letters)
        {
            index = (index * 26) + (ch - 'A' + 1);
        }

        return index - 1;
    }

    private static int? CountRows(Stream stream)
    {
        try
        {
            stream.Position = 0;
            var rows = MiniExcel.GetSheetDimensions(stream).FirstOrDefault()?.Rows.Count;
            return rows is > 1 ? rows - 1 : null;
        }
        catch (Exception)
        {
            // The dimension element is optional; without it progress shows rows done but no total.
            return null;
        }
    }
}
