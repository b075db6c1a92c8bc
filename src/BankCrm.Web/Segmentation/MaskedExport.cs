using System.Globalization;
using System.Text;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using BankCrm.Data.Segmentation.Segments;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace BankCrm.Web.Segmentation;

public enum ExportFormat
{
    Csv = 1,
    Xlsx = 2,
}

public sealed record ExportFile(byte[] Content, string ContentType, string FileName, int Rows);

/// <summary>
/// Exports a segment's members, or the filtered customer list, in the caller's scope, always masked (name 张*, ID 6+4, mobile 3+4), with a first
/// line saying who exported it and when (China time), and one audit entry with the segment, format and row count.
/// </summary>
public sealed class MaskedExport(CrmDbContextFactory factory, SegmentStore segments, AuditTrail audit, TimeProvider time)
{
    /// <summary>More than this is a bulk data transfer, not a campaign list: it goes through the data team, not a download.</summary>
    public const int MaxRows = 100_000;

    private static readonly string[] Header = ["客户号", "客户名称", "客户类型", "证件号码", "手机号", "省份", "城市", "所属机构"];

    public static bool TryParseFormat(string? value, out ExportFormat format)
    {
        format = string.Equals(value, "xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv;
        return value is null || string.Equals(value, "csv", StringComparison.OrdinalIgnoreCase) || format == ExportFormat.Xlsx;
    }

    public static string Stamp(Actor actor, DateTime chinaNow) =>
        $"导出人 {actor.UserName} 导出时间 {chinaNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}（中国标准时间） 已脱敏";

    public async Task<ExportFile?> ExportAsync(Actor actor, long segmentId, ExportFormat format, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var segment = await segments.FindAsync(actor, segmentId, cancellationToken);
        var members = segment is null ? null : await segments.MembersQueryAsync(db, actor, segmentId, cancellationToken);
        if (segment is null || members is null)
        {
            return null;
        }

        return await WriteAsync(
            actor, db, members, format, $"客群 #{segment.Id}「{segment.Name}」", "segment-export", $"segment-{segment.Id}", cancellationToken);
    }

    /// <summary>The customer list as the user filtered it (search, branch, manager, type), masked and stamped the same way.</summary>
    public async Task<ExportFile> ExportListAsync(Actor actor, CustomerListQuery query, ExportFormat format, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var members = new CustomerSearch(db).Filtered(actor, query);
        var filters = string.Join("，", new[]
        {
            string.IsNullOrWhiteSpace(query.Search) ? null : "搜索条件已记录",
            query.BranchId is { } branch ? $"机构 {branch}" : null,
            query.Type is { } type ? $"类型 {type}" : null,
        }.OfType<string>());
        return await WriteAsync(actor, db, members, format, filters.Length == 0 ? "客户名单" : $"客户名单（{filters}）", "list-export", "customers", cancellationToken);
    }

    private async Task<ExportFile> WriteAsync(
        Actor actor, CrmDbContext db, IQueryable<Customer> members, ExportFormat format, string what, string purpose, string filePrefix, CancellationToken cancellationToken)
    {
        var rows = await (
            from c in members
            join b in db.Branches on c.BranchId equals b.Id into branches
            from b in branches.DefaultIfEmpty()
            orderby c.Id
            select new { c.CustomerNumber, c.Name, c.Type, c.IdNumber, c.Mobile, c.Province, c.City, Branch = b == null ? null : b.Name })
            .Take(MaxRows).ToListAsync(cancellationToken);
        var lines = rows.Select(r => new[]
        {
            r.CustomerNumber, Masking.Name(r.Name), r.Type == CustomerType.Corporate ? "对公客户" : "个人客户", Masking.IdNumber(r.IdNumber),
            Masking.Mobile(r.Mobile), r.Province ?? string.Empty, r.City ?? string.Empty, r.Branch ?? string.Empty,
        }).ToList();

        var now = ChinaTime.Now(time);
        var stamp = Stamp(actor, now);
        var content = format == ExportFormat.Xlsx ? Excel(stamp, lines) : Csv(stamp, lines);
        await audit.RecordAsync(AuditRecord.By(actor, AuditActions.Export) with
        {
            Fields = "name,id_number,mobile",
            Purpose = purpose,
            Detail = $"{what}导出 {format.ToString().ToLowerInvariant()}，{lines.Count} 行，已脱敏",
        }, cancellationToken);

        var name = $"{filePrefix}-{now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}";
        return format == ExportFormat.Xlsx
            ? new ExportFile(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx", lines.Count)
            : new ExportFile(content, "text/csv; charset=utf-8", name + ".csv", lines.Count);
    }

    private static byte[] Csv(string stamp, List<string[]> lines)
    {
        using var stream = new MemoryStream();

        // A byte order mark, so Excel opens the Chinese text as UTF-8; values that start like a formula are escaped.
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            // The stamp line has as many fields as the table (RFC 4180), the stamp in the first.
            foreach (var record in lines.Prepend(Header).Prepend([stamp, .. new string[Header.Length - 1].Select(_ => string.Empty)]))
            {
                foreach (var field in record)
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static byte[] Excel(string stamp, List<string[]> lines)
    {
        static Dictionary<string, object> Row(IReadOnlyList<string> cells) =>
            Enumerable.Range(0, Header.Length).ToDictionary(i => ((char)('A' + i)).ToString(), i => (object)(i < cells.Count ? cells[i] : string.Empty));

        var sheet = new List<Dictionary<string, object>> { Row([stamp]), Row(Header) };
        sheet.AddRange(lines.Select(Row));
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, sheetName: "客群成员");
        return stream.ToArray();
    }
}
