namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>A problem with the whole file (format, encoding, header): the import stops before it changes anything.</summary>
internal sealed class ImportFileException : Exception
{
    public ImportFileException()
        : base("导入文件无效")
    {
    }

    public ImportFileException(string message)
        : base(message)
    {
    }

    public ImportFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
