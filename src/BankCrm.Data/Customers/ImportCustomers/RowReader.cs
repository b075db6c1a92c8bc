namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// Reads the rows of a source, skipping blank ones. A file that breaks off in the middle (a record too long,
/// a damaged workbook) becomes one file error naming the row where reading stopped.
/// </summary>
internal sealed class RowReader(IImportRowSource source) : IDisposable
{
    private readonly IEnumerator<SourceRow> rows = source.ReadRows().GetEnumerator();
    private int lastRow;

    public SourceRow? NextNonBlank()
    {
        try
        {
            while (rows.MoveNext())
            {
                lastRow = rows.Current.Number;
                if (!rows.Current.IsBlank)
                {
                    return rows.Current;
                }
            }

            return null;
        }
        catch (Exception e) when (e is not (ImportFileException or OperationCanceledException))
        {
            throw new ImportFileException($"读取文件第 {lastRow + 1} 行时出错，导入在此停止，此前的行已处理：{e.Message}", e);
        }
    }

    public void Dispose() => rows.Dispose();
}
