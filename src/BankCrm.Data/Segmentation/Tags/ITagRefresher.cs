namespace BankCrm.Data.Segmentation.Tags;

/// <summary>Materialises every rule tag into customer_tags; the nightly scoring run calls it at its end.</summary>
public interface ITagRefresher
{
    /// <summary>Refreshes every rule tag as of <paramref name="asOf"/>; returns how many tags were refreshed.</summary>
    Task<int> RefreshAllAsync(DateOnly asOf, CancellationToken ct);
}
