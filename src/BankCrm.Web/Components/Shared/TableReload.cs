using MudBlazor;

namespace BankCrm.Web.Components.Shared;

public static class TableReload
{
    /// <summary>Reloads a server-paged table after its search or filters changed: a new question starts at the first page.</summary>
    public static Task ReloadFromFirstPageAsync<T>(this MudTable<T>? table)
    {
        if (table is null)
        {
            return Task.CompletedTask;
        }

        if (table.CurrentPage > 0)
        {
            // Changing the page makes the table load that page itself.
            table.NavigateTo(0);
            return Task.CompletedTask;
        }

        return table.ReloadServerData();
    }
}
