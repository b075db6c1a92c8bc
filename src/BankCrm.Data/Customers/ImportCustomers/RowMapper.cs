using BankCrm.Core.Common;
using BankCrm.Core.Customers;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>Reads the cells of one data row into a profile; cells that cannot be read become row errors.</summary>
internal static class RowMapper
{
    private static readonly int FieldCount = Enum.GetValues<ImportField>().Length;

    public static ImportRow Map(SourceRow source, HeaderMap header)
    {
        var texts = new string?[FieldCount];
        var cells = new object?[FieldCount];
        foreach (var field in header.Fields)
        {
            var index = header.IndexOf(field)!.Value;
            cells[(int)field] = index < source.Cells.Count ? source.Cells[index] : null;
            texts[(int)field] = CellText.From(cells[(int)field]) ?? string.Empty;
        }

        string? Text(ImportField field) => NullIfBlank(texts[(int)field]);
        var type = Text(ImportField.Type) is { } typeText && CellText.TryType(typeText, out var parsedType) ? parsedType : (CustomerType?)null;
        var gender = Text(ImportField.Gender) is { } genderText && CellText.TryGender(genderText, out var parsedGender) ? parsedGender : (Gender?)null;
        var birth = Text(ImportField.BirthDate) is { } birthText && CellText.TryDate(cells[(int)ImportField.BirthDate], birthText, out var parsedBirth) ? parsedBirth : (DateOnly?)null;
        var importExport = Text(ImportField.ImportExportBusiness) is { } flagText && CellText.TryYesNo(flagText, out var flag) && flag;

        var row = new ImportRow(source.Number, texts)
        {
            CustomerNumber = NullIfBlank(TextNormalizer.Compact(Text(ImportField.CustomerNumber)).ToUpperInvariant()),
            Type = type,
            Profile = new CustomerProfile
            {
                Type = type ?? CustomerType.Individual,
                Name = Text(ImportField.Name) ?? string.Empty,
                IdNumber = Text(ImportField.IdNumber),
                Gender = gender,
                BirthDate = birth,
                Mobile = Text(ImportField.Mobile),
                Email = Text(ImportField.Email),
                Province = Text(ImportField.Province),
                City = Text(ImportField.City),
                District = Text(ImportField.District),
                AddressLine = Text(ImportField.AddressLine),
                Occupation = Text(ImportField.Occupation),
                Industry = Text(ImportField.Industry),
                LegalRepresentative = Text(ImportField.LegalRepresentative),
                ImportExportBusiness = importExport,
            },
            BranchCode = NullIfBlank(TextNormalizer.Compact(Text(ImportField.BranchCode)).ToUpperInvariant()),
            ManagerUserName = NullIfBlank(TextNormalizer.Clean(Text(ImportField.RelationshipManager))),
            IdKey = TextNormalizer.Compact(Text(ImportField.IdNumber)).ToUpperInvariant(),
            MobileKey = MobileNumber.Parse(Text(ImportField.Mobile)).Value?.Value,
        };
        AddFormatErrors(row, type, gender, birth);
        if (source.Problem is { } problem)
        {
            row.ParseErrors.Add(new ImportRowError(row.Number, string.Empty, string.Empty, problem));
        }

        return row;
    }

    /// <summary>For an existing customer: the columns the file has replace the stored values, the others stay.</summary>
    public static CustomerProfile Over(this ImportRow row, CustomerProfile current, HeaderMap header)
    {
        T Pick<T>(ImportField field, T fromFile, T stored) => header.Has(field) ? fromFile : stored;
        var file = row.Profile;
        return new CustomerProfile
        {
            Type = file.Type,
            Name = file.Name,
            IdNumber = file.IdNumber,
            Gender = Pick(ImportField.Gender, file.Gender, current.Gender),
            BirthDate = Pick(ImportField.BirthDate, file.BirthDate, current.BirthDate),
            Mobile = Pick(ImportField.Mobile, file.Mobile, current.Mobile),
            Email = Pick(ImportField.Email, file.Email, current.Email),
            Province = Pick(ImportField.Province, file.Province, current.Province),
            City = Pick(ImportField.City, file.City, current.City),
            District = Pick(ImportField.District, file.District, current.District),
            AddressLine = Pick(ImportField.AddressLine, file.AddressLine, current.AddressLine),
            Occupation = Pick(ImportField.Occupation, file.Occupation, current.Occupation),
            Industry = Pick(ImportField.Industry, file.Industry, current.Industry),
            LegalRepresentative = Pick(ImportField.LegalRepresentative, file.LegalRepresentative, current.LegalRepresentative),
            ImportExportBusiness = Pick(ImportField.ImportExportBusiness, file.ImportExportBusiness, current.ImportExportBusiness),
        };
    }

    private static void AddFormatErrors(ImportRow row, CustomerType? type, Gender? gender, DateOnly? birth)
    {
        if (type is null)
        {
            row.ParseErrors.Add(row.Error(ImportField.Type, row.Text(ImportField.Type).Trim().Length == 0 ? "客户类型不能为空" : "客户类型应为“个人”或“对公”"));
        }

        if (gender is null && row.Text(ImportField.Gender).Trim().Length > 0)
        {
            row.ParseErrors.Add(row.Error(ImportField.Gender, "性别应为“男”或“女”"));
        }

        if (birth is null && row.Text(ImportField.BirthDate).Trim().Length > 0)
        {
            row.ParseErrors.Add(row.Error(ImportField.BirthDate, "出生日期格式应为 yyyy-MM-dd、yyyy/M/d 或 yyyyMMdd"));
        }

        if (row.Text(ImportField.ImportExportBusiness) is { Length: > 0 } flag && !CellText.TryYesNo(flag, out _) && flag.Trim().Length > 0)
        {
            row.ParseErrors.Add(row.Error(ImportField.ImportExportBusiness, "进出口业务应为“是”或“否”"));
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
