using BankCrm.Data.Audit;

namespace BankCrm.Web.Audit;

/// <summary>
/// The client address of the current HTTP request. Inside a Blazor circuit there is no request, so entries written
/// from interactive pages carry no address.
/// </summary>
internal sealed class HttpClientAddress(IHttpContextAccessor accessor) : IAuditClientAddress
{
    public string? RemoteIp => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
