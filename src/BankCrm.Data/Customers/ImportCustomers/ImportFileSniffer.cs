using System.IO.Compression;
using System.Text;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// Decides by content, not by file name, what an upload is: an .xlsx workbook (a zip starting PK\x03\x04) or CSV
/// text in UTF-8 or GB18030 (which includes GBK). Anything else is refused with one message before any row is read.
/// </summary>
internal static class ImportFileSniffer
{
    // An .xlsx of 100,000 customers unpacks to about 60 MB; far larger or many-entry archives are zip bombs.
    private const long MaxUnpackedBytes = 1L << 30;
    private const int MaxZipEntries = 10_000;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFileSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IImportRowSource Open(Stream stream)
    {
        var head = new byte[8];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 0)
        {
            throw new ImportFileException("文件为空。");
        }

        if (head.AsSpan(0, read).StartsWith("PK\x03\x04"u8))
        {
            CheckWorkbook(stream);
            return new ExcelRowSource(stream);
        }

        if (head.AsSpan(0, read).StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw new ImportFileException("不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。");
        }

        var text = TextScan.Run(stream, StrictUtf8)
            ?? TextScan.Run(stream, Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback))
            ?? throw new ImportFileException("无法识别的文件格式：请上传 CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx）文件。");
        stream.Position = 0;
        return text.Blank
            ? throw new ImportFileException("文件为空。")
            : new CsvRowSource(stream, text.Encoding == StrictUtf8 ? null : text.Encoding, Math.Max(0, text.Lines - 1));
    }

    private static void CheckWorkbook(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new ImportFileException("Excel 文件解压后过大，已拒绝导入。");
            }

            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw new ImportFileException("文件是压缩包但不是 Excel（.xlsx）工作簿。");
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("Excel 文件已损坏，无法读取。");
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
