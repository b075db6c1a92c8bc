namespace BankCrm.Core.Customers;

public enum KycStatus
{
    Pending = 0,
    Verified = 1,
    Expired = 2,
}
