namespace BankCrm.Core.Engagement;

public enum AppEventKind
{
    Login = 1,
    ProductView = 2,
    FxRateQuery = 3,
}

/// <summary>A behaviour event from the mobile app: a login, a product page view, an FX-rate query.</summary>
public sealed class AppEvent
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public AppEventKind Kind { get; set; }

    public int? ProductId { get; set; }

    public DateTime OccurredAt { get; set; }
}
