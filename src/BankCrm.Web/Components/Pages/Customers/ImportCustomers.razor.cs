using BankCrm.Data.Customers.ImportCustomers;
using BankCrm.Web.Customers.ImportCustomers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace BankCrm.Web.Components.Pages.Customers;

/// <summary>
/// The upload page: the browser sends the file over the circuit into a temporary file, then the import runs on a
/// worker thread and reports progress back, so the page stays responsive while 100,000 rows are checked.
/// </summary>
public sealed partial class ImportCustomers
{
    private static readonly Dictionary<string, object> downloadAttributes = new() { ["download"] = "导入错误报告.csv" };

    private bool running;
    private string? fileName;
    private string stage = string.Empty;
    private double? percent;
    private string? fileError;
    private ImportSummary? summary;

    [Inject]
    private CustomerImportRunner Runner { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null || running)
        {
            return;
        }

        (fileName, fileError, summary, percent) = (file.Name, null, null, 0);
        if (file.Size > CustomerImportModule.MaxFileBytes)
        {
            fileError = $"文件 {file.Name} 超过 50 MB，请拆分后分批导入。";
            return;
        }

        running = true;
        try
        {
            var actor = (await Authentication).User.ToActor();
            await using var upload = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await UploadAsync(file, upload);
            (stage, percent) = ("正在检查并导入…", null);
            StateHasChanged();
            var progress = new Progress<ImportProgress>(ShowProgress);
            var result = await Task.Run(() => Runner.RunAsync(upload, actor, progress, CancellationToken.None));
            if (result is { FileError: { } error, Rows: 0 })
            {
                fileError = error;
            }
            else
            {
                (summary, fileError) = (result, result.FileError);
            }
        }
        catch (IOException e)
        {
            fileError = $"上传中断：{e.Message}，请重新选择文件。";
        }
        finally
        {
            running = false;
        }
    }

    private async Task UploadAsync(IBrowserFile file, FileStream upload)
    {
        stage = "正在上传…";
        await using var source = file.OpenReadStream(CustomerImportModule.MaxFileBytes);
        var buffer = new byte[1 << 16];
        long done = 0;
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            await upload.WriteAsync(buffer.AsMemory(0, read));
            done += read;
            var shown = Math.Floor(100.0 * done / Math.Max(1, file.Size));
            if (shown != percent)
            {
                percent = shown;
                StateHasChanged();
            }
        }

        upload.Position = 0;
    }

    private void ShowProgress(ImportProgress progress)
    {
        stage = progress.EstimatedTotal is { } total
            ? $"正在导入：已处理 {progress.RowsProcessed:N0} / 约 {total:N0} 行"
            : $"正在导入：已处理 {progress.RowsProcessed:N0} 行";
        percent = progress.EstimatedTotal is > 0 ? Math.Min(100, 100.0 * progress.RowsProcessed / progress.EstimatedTotal.Value) : null;
        StateHasChanged();
    }
}
