namespace BankCrm.Core.Customers;

public enum CustomerType
{
    Individual = 1,
    Corporate = 2,
}
