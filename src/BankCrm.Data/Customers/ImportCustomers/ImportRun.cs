using BankCrm.Core.Organization;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>What every batch of one import shares: who imports, the header, reference data and what the file has used.</summary>
internal sealed class ImportRun(Actor actor, HeaderMap header, ImportDirectory directory, NumberAllocator numbers, DateOnly today, DateTime now)
{
    public Actor Actor { get; } = actor;

    public HeaderMap Header { get; } = header;

    public ImportDirectory Directory { get; } = directory;

    public NumberAllocator Numbers { get; } = numbers;

    /// <summary>China Standard Time date, for the ID-number rules (a birth date may not be in the future).</summary>
    public DateOnly Today { get; } = today;

    public DateTime Now { get; } = now;

    public SeenInFile Seen { get; } = new();

    /// <summary>A branch manager imports only into their own branch; admins and the command line anywhere.</summary>
    public int? OnlyBranch => Actor.IsInRole(StaffRole.Admin) ? null : Actor.BranchId;
}
