namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// One broken rule in one row: the row number as the user sees it in the file (header = row 1), the Chinese
/// column name, the cell value (ID numbers, mobiles and e-mails masked) and the Chinese message.
/// </summary>
public sealed record ImportRowError(int Row, string Field, string Value, string Message);
