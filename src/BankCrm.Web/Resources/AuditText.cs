namespace BankCrm.Web.Resources;

/// <summary>
/// Marker type for IStringLocalizer&lt;AuditText&gt;: the audit page and the shared table pager (Pager.*), in
/// Resources/AuditText.resx (zh-CN, neutral) and AuditText.en.resx.
/// </summary>
public sealed class AuditText;
