namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// One record of the file as the user sees it in a spreadsheet: <see cref="Number"/> is the row number (the header
/// is normally row 1). Cells are strings for CSV and typed values (number, date, text) for Excel.
/// </summary>
internal sealed record SourceRow(int Number, IReadOnlyList<object?> Cells, string? Problem = null)
{
    public bool IsBlank => Cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));
}

/// <summary>The records of an import file, read forward once.</summary>
internal interface IImportRowSource : IDisposable
{
    /// <summary>The number of data rows, when the file says (Excel) or a line count suggests (CSV).</summary>
    int? EstimatedRows { get; }

    IEnumerable<SourceRow> ReadRows();
}
