using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

public sealed partial class ProfileTab
{
    private CustomerProfile? profile;

    /// <summary>Names (the customer's, a company's legal representative's) are shown as this actor may see them.</summary>
    private Actor? actor;
    private IReadOnlyList<DocumentLine> documents = [];
    private IReadOnlyList<ContactLine> contacts = [];
    private bool loaded;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [Parameter, EditorRequired]
    public CustomerHeaderFacts Facts { get; set; } = default!;

    /// <summary>False for the basic view: name masked, no birth date, address to the district, no documents or contacts.</summary>
    [Parameter]
    public bool FullProfile { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = this.actor = await AuthenticationState.ToActorAsync();

        // The profile comes unmasked (the edit form needs it); this tab masks every sensitive field before rendering.
        var profileTask = Operations.QueryAsync(q => q.ProfileAsync(actor, CustomerId));
        var filesTask = FullProfile ? Operations.QueryAsync(q => q.DocumentsAndContactsAsync(actor, CustomerId)) : Task.FromResult<(IReadOnlyList<DocumentLine>, IReadOnlyList<ContactLine>)?>(null);
        profile = (await profileTask)?.Profile;
        if (profile is not null)
        {
            await Audit.ViewedAsync(actor, CustomerId, FullProfile ? "360.profile" : "360.profile.basic");
        }
        if (await filesTask is { } files)
        {
            (documents, contacts) = files;
        }

        loaded = true;
    }

    // Municipalities repeat themselves as province and city (上海市上海市); write them once.
    private string Address(CustomerProfile p) =>
        string.Concat(p.Province, p.City == p.Province ? null : p.City, p.District, FullProfile ? p.AddressLine : null);

    private static string Or(string? value) => string.IsNullOrEmpty(value) ? "—" : value;
}
