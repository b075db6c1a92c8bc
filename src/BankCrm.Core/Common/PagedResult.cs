namespace BankCrm.Core.Common;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    /// <summary>True when counting stopped at a limit: there are at least <see cref="Total"/> items.</summary>
    public bool TotalIsLowerBound { get; init; }

    public static int ClampPageSize(int pageSize) => Math.Clamp(pageSize, 1, MaxPageSize);

    public static int ClampPage(int page) => Math.Max(1, page);
}
