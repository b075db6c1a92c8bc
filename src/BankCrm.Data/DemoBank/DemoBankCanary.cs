namespace BankCrm.Data.DemoBank;

/// <summary>
/// A customer that is always in the demo bank (customer 1, owned by rm1). Security tests search logs, pages and
/// exports for these values: finding them unmasked anywhere is a leak.
/// </summary>
public static class DemoBankCanary
{
    public const long CustomerId = 1;

    public const string Name = "周淑珍";

    public const string IdNumber = "11010519491231002X";

    public const string Mobile = "13800138000";
}
