using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>What drives a customer's holdings and behaviour; never stored, only the rows it produces are.</summary>
internal sealed class CustomerTraits
{
    public required long Id { get; init; }

    public required CustomerType Type { get; init; }

    public required BranchSite Branch { get; init; }

    public required string? RelationshipManagerId { get; init; }

    public required DateOnly CustomerSince { get; init; }

    public int Age { get; init; }

    public bool ImportExport { get; init; }

    /// <summary>The surname children take; null for names without one (Uyghur names).</summary>
    public string? FamilySurname { get; init; }

    /// <summary>Assets under management the holdings are built to, in CNY.</summary>
    public decimal TargetAum { get; set; }

    /// <summary>1 (conservative) to 5 (aggressive): the highest product risk level the customer buys.</summary>
    public int RiskTolerance { get; set; }

    public decimal MonthlySalary { get; init; }

    public string? Employer { get; init; }

    public int PayDay { get; init; }

    public bool HasYoungChildren { get; init; }

    public bool HasSchoolChildren { get; init; }

    public int Employees { get; init; }

    /// <summary>Average of 1: scales how many transactions and app sessions the customer has.</summary>
    public double Activity { get; set; }

    public bool AppUser { get; set; }

    public bool FutureChurner { get; set; }

    public string? AmlPattern { get; set; }

    public bool Salaried => MonthlySalary > 0;

    public bool IsCorporate => Type == CustomerType.Corporate;
}

/// <summary>All rows of one customer. Child row ids are local (1, 2, ...) until <see cref="DemoBankChunk"/> numbers them.</summary>
internal sealed class GeneratedCustomer(Customer customer, CustomerTraits traits)
{
    public Customer Customer { get; } = customer;

    public CustomerTraits Traits { get; } = traits;

    public List<IdentityDocument> Documents { get; } = [];

    public List<ContactPoint> Contacts { get; } = [];

    /// <summary>Links to customers of the same household or company; both ends are in the same block.</summary>
    public List<CustomerRelationship> Relationships { get; } = [];

    public List<Account> Accounts { get; } = [];

    public List<Transaction> Transactions { get; } = [];

    public List<AppEvent> AppEvents { get; } = [];

    public List<Interaction> Interactions { get; } = [];

    /// <summary>Grants at account opening and later changes, oldest first.</summary>
    public List<ConsentRecord> Consents { get; } = [];

    public DemoBankTruth Truth => new() { CustomerId = Customer.Id, FutureChurner = Traits.FutureChurner, AmlPattern = Traits.AmlPattern };

    public FieldChange Created => new()
    {
        CustomerId = Customer.Id,
        ChangedAt = Customer.CreatedAt,
        ChangedBy = "demo-bank",
        Field = "Created",
        NewValue = Customer.CustomerNumber,
    };
}
