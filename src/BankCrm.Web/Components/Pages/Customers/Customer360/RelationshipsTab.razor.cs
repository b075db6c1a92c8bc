using System.Globalization;
using BankCrm.Data.Customers;
using BankCrm.Web.Components.Shared.Formatting;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

public sealed partial class RelationshipsTab
{
    private IReadOnlyList<RelationshipLine>? lines;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        var found = await Operations.QueryAsync(q => q.RelationshipsAsync(actor, CustomerId));
        lines = found ?? [];
        if (found is not null)
        {
            // The related customers are seen too (name and number), so they are named as a list read.
            await Audit.ViewedAsync(actor, CustomerId, "360.relationships");
            await Audit.ShownAsync(actor, "360.relationships", lines, new { customer = CustomerId });
        }
    }

    // A stored link reads "CustomerId is the {Kind} of RelatedCustomerId", so the direction decides who is whose.
    private string Describe(RelationshipLine line) =>
        string.Format(CultureInfo.CurrentCulture, line.Outgoing ? T["Relations.ThisIsTheirs"] : T["Relations.TheyAreThis"], Labels.Of(line.Kind));
}
