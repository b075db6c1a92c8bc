namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>A district used in addresses, with a few of its real streets.</summary>
internal sealed record District(string Name, IReadOnlyList<string> Streets);

/// <summary>A GB/T 2260 county-level area code and its name (the first six digits of a resident ID number).</summary>
internal sealed record AreaCode(string Code, string City, string District);

/// <summary>A city with branches: its districts for addresses and all its county-level area codes for ID numbers.</summary>
internal sealed record City(
    string Province,
    string Name,
    string ShortName,
    string PhoneAreaCode,
    decimal HousePriceFactor,
    IReadOnlyList<District> Districts,
    IReadOnlyList<AreaCode> AreaCodes);
