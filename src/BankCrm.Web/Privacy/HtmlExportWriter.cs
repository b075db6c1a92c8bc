using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BankCrm.Data.Privacy;
using BankCrm.Web.Components.Shared.Formatting;
using BankCrm.Web.Consent;

namespace BankCrm.Web.Privacy;

/// <summary>
/// The readable copy: one HTML page with Chinese headings and print CSS, so a browser prints it to PDF (there is no PDF
/// library). Every value goes through the HTML encoder — a name like &lt;script&gt; is shown, never run — and the page has
/// no script at all.
/// </summary>
internal static class HtmlExportWriter
{
    private const int FlushEvery = 500;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 12px; color: #222; margin: 24px; }
        h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; border-bottom: 2px solid #1565c0; padding-bottom: 2px; margin-top: 24px; }
        .meta { color: #555; margin-bottom: 16px; } table { border-collapse: collapse; width: 100%; margin-top: 6px; }
        th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; } th { background: #eef3fb; }
        td.num { text-align: right; white-space: nowrap; } .empty { color: #777; }
        @media print { body { margin: 0; } h2 { break-after: avoid; } thead { display: table-header-group; } tr { break-inside: avoid; } @page { size: A4; margin: 15mm; } }
        """;

    public static async Task WriteAsync(Stream stream, CustomerDataReader reader, long requestId, long customerId, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        // The copy is in Chinese whatever the language of the member of staff who downloads it.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var data = await reader.ReadAsync(customerId, cancellationToken);
        var c = data.Customer;
        await using var page = new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024);
        await page.WriteAsync($"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>个人信息副本 {E(c.CustomerNumber)}</title><style>{Style}</style></head><body>");
        await page.WriteAsync($"<h1>个人信息副本</h1><div class=\"meta\">请求编号 #{requestId} · 客户号 {E(c.CustomerNumber)} · 生成时间 {E(Dates.Minute(generatedAt.UtcDateTime))}（北京时间）· 依据《个人信息保护法》第四十五条提供</div>");

        await Section(page, "基本信息", ["项目", "内容"],
        [
            ["姓名/名称", c.Name], ["客户类型", Labels.Of(c.Type)], ["证件号码", c.IdNumber], ["性别", Labels.Of(c.Gender)], ["出生日期", Dates.Day(c.BirthDate)],
            ["手机号码", c.Mobile], ["电子邮箱", c.Email], ["地址", string.Join(" ", new[] { c.Province, c.City, c.District, c.AddressLine }.Where(s => s is not null))],
            ["职业", c.Occupation], ["行业", c.Industry], ["法定代表人", c.LegalRepresentative], ["开户机构", data.BranchName], ["客户经理", data.RelationshipManagerName],
            ["KYC 状态", Labels.Of(c.KycStatus)], ["建档时间", Dates.Minute(c.CreatedAt)],
        ]);
        await Section(page, "证件资料", ["证件类型", "号码", "签发日期", "到期日期", "签发机关"],
            data.IdentityDocuments.Select(d => new[] { Labels.Of(d.DocumentType), d.Number, Dates.Day(d.IssuedOn), Dates.Day(d.ExpiresOn), d.IssuedBy }));
        await Section(page, "其他联系方式", ["类型", "内容", "备注"], data.ContactPoints.Select(p => new[] { Labels.Of(p.Kind), p.Value, p.Label }));
        await Section(page, "关联关系", ["关系", "方向", "建立时间"],
            data.Relationships.Select(r => new[] { Labels.Of(r.Kind), r.Outgoing ? "本人是对方的该关系人" : "对方是本人的该关系人", Dates.Day(r.CreatedAt) }));
        await Section(page, "账户", ["账号", "产品", "类别", "开立日期", "到期日期", "余额", "状态"],
            data.Accounts.Select(a => new[] { a.AccountNumber, a.ProductName, Labels.Of(a.Category), Dates.Day(a.OpenedOn), Dates.Day(a.MaturesOn), Money.Format(a.Balance, a.Currency), Labels.Of(a.Status) }));

        await page.WriteAsync("<h2>交易记录</h2><table><thead><tr><th>时间</th><th>账户</th><th>类型</th><th>渠道</th><th>金额</th><th>对方</th><th>商户类别</th></tr></thead><tbody>");
        var count = 0;
        await foreach (var t in reader.TransactionsAsync(customerId).WithCancellation(cancellationToken))
        {
            await page.WriteAsync(Row([Dates.Minute(t.OccurredAt), t.AccountId.ToString(CultureInfo.InvariantCulture), Labels.Of(t.Kind), Labels.Of(t.Channel), Money.Signed(t.Amount, t.Currency), t.Counterparty, t.MerchantCategory], numericColumn: 4));
            if (++count % FlushEvery == 0)
            {
                await page.FlushAsync(cancellationToken);
            }
        }

        await page.WriteAsync(count == 0 ? "<tr><td colspan=\"7\" class=\"empty\">无</td></tr></tbody></table>" : "</tbody></table>");
        await Section(page, "互动记录", ["时间", "渠道", "摘要", "结果", "下一步"],
            data.Interactions.Select(i => new[] { Dates.Minute(i.OccurredAt), Labels.Of(i.Channel), i.Summary, i.Outcome, i.NextStep }));

        await page.WriteAsync("<h2>手机银行行为记录</h2><table><thead><tr><th>时间</th><th>事件</th><th>产品编号</th></tr></thead><tbody>");
        var events = 0;
        await foreach (var e in reader.AppEventsAsync(customerId).WithCancellation(cancellationToken))
        {
            await page.WriteAsync(Row([Dates.Minute(e.OccurredAt), PrivacyLabels.Of(e.Kind), e.ProductId?.ToString(CultureInfo.InvariantCulture)]));
            if (++events % FlushEvery == 0)
            {
                await page.FlushAsync(cancellationToken);
            }
        }

        await page.WriteAsync(events == 0 ? "<tr><td colspan=\"3\" class=\"empty\">无</td></tr></tbody></table>" : "</tbody></table>");
        await Section(page, "授权同意", ["事项", "同意/撤回", "来源", "时间", "凭证说明"],
            data.Consents.Select(r => new[] { ConsentLabels.Subject(r.Purpose, r.Channel), r.Granted ? "同意" : "撤回", ConsentLabels.Of(r.Source), Dates.Minute(r.RecordedAt), r.EvidenceNote }));
        await Section(page, "变更历史", ["时间", "操作人", "字段", "原值", "新值"],
            data.Changes.Select(h => new[] { Dates.Minute(h.ChangedAt), h.ChangedBy, Labels.Field(h.Field), h.OldValue, h.NewValue }));
        await page.WriteAsync("</body></html>");
        await page.FlushAsync(cancellationToken);
    }

    private static async Task Section(StreamWriter page, string title, string[] headers, IEnumerable<string?[]> rows)
    {
        var html = new StringBuilder();
        html.Append("<h2>").Append(E(title)).Append("</h2><table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            html.Append(Row(row));
            any = true;
        }

        if (!any)
        {
            html.Append("<tr><td colspan=\"").Append(headers.Length.ToString(CultureInfo.InvariantCulture)).Append("\" class=\"empty\">无</td></tr>");
        }

        html.Append("</tbody></table>");
        await page.WriteAsync(html.ToString());
    }

    private static string Row(string?[] cells, int numericColumn = -1)
    {
        var html = new StringBuilder("<tr>");
        for (var i = 0; i < cells.Length; i++)
        {
            html.Append(i == numericColumn ? "<td class=\"num\">" : "<td>").Append(E(cells[i] ?? "—")).Append("</td>");
        }

        return html.Append("</tr>").ToString();
    }

    private static string E(string? value) => Encoder.Encode(value ?? string.Empty);
}
