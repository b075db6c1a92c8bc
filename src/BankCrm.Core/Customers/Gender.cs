namespace BankCrm.Core.Customers;

public enum Gender
{
    Male = 1,
    Female = 2,
}
