namespace BankCrm.Core.Holdings;

public enum ProductCategory
{
    DemandDeposit = 1,
    TimeDeposit = 2,
    Wealth = 3,
    Fund = 4,
    Insurance = 5,
    Mortgage = 6,
    ConsumerLoan = 7,
    CreditCard = 8,
    ForeignExchange = 9,
    CorporateLoan = 10,
}

public static class ProductCategories
{
    /// <summary>The categories that count towards AUM, as a list a database query can test membership of.</summary>
    public static readonly IReadOnlyList<ProductCategory> Assets = [.. Enum.GetValues<ProductCategory>().Where(c => c.IsAsset())];

    /// <summary>Assets the customer holds with the bank count towards AUM; loans and card debt do not.</summary>
    public static bool IsAsset(this ProductCategory category) => category switch
    {
        ProductCategory.DemandDeposit or ProductCategory.TimeDeposit or ProductCategory.Wealth or ProductCategory.Fund
            or ProductCategory.Insurance or ProductCategory.ForeignExchange => true,
        _ => false,
    };

    public static bool IsLiability(this ProductCategory category) => !category.IsAsset();
}
