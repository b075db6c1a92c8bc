namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>How far an import has got; <see cref="EstimatedTotal"/> is null when the file does not tell.</summary>
public sealed record ImportProgress(int RowsProcessed, int? EstimatedTotal);

/// <summary>
/// The outcome of one import. <see cref="FileError"/> is set when the file as a whole was refused; rows counted
/// before it (only possible when the file breaks off in the middle) stay imported.
/// </summary>
public sealed record ImportResult
{
    public int Rows => Created + Updated + Unchanged + Invalid;

    public int Created { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    public int Invalid { get; init; }

    /// <summary>Broken rules in all; a row may break several.</summary>
    public int ErrorCount { get; init; }

    public IReadOnlyList<ImportRowError> FirstErrors { get; init; } = [];

    public string? FileError { get; init; }

    public TimeSpan Elapsed { get; init; }

    public string Summary => $"{Rows} rows: {Created} created, {Updated} updated, {Unchanged} unchanged, {Invalid} invalid";
}
