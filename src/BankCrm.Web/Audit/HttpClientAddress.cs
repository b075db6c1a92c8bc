using BankCrm.Data.Audit;

namespace BankCrm.Web.Audit;

/// <summary>
/// The client address of the current HTTP request, and the customers its handler already recorded. Inside a Blazor
/// circuit there is no request, so entries written from interactive pages carry no address.
/// </summary>
internal sealed class HttpClientAddress(IHttpContextAccessor accessor) : IAuditClientAddress
{
    public string? RemoteIp => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public void Recorded(AuditRecord record)
    {
        if (accessor.HttpContext is { } context)
        {
            RecordedCustomers.Of(context).UnionWith(record.NamedCustomers());
        }
    }
}

/// <summary>The customers named by audit entries of one request (see <see cref="CustomerReadAuditFilter"/>).</summary>
internal static class RecordedCustomers
{
    private static readonly object Key = new();

    public static HashSet<long> Of(HttpContext context)
    {
        if (context.Items[Key] is not HashSet<long> set)
        {
            set = [];
            context.Items[Key] = set;
        }

        return set;
    }
}
