using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers;

/// <summary>
/// Create and edit a customer. Rules come from Core's CustomerValidator, run as the user types and again by
/// the store on save; a field shows its rule once touched, every field after the first save attempt.
/// </summary>
public sealed partial class CustomerEdit
{
    /// <summary>Fields that have an input on this form; errors on any other field are listed above the form.</summary>
    private static readonly HashSet<string> PlacedFields =
    [
        "Name", "IdNumber", "Gender", "BirthDate", "Occupation", "Industry", "LegalRepresentative", "Mobile", "Email",
        "Province", "City", "District", "AddressLine", "BranchId", "RelationshipManagerId",
    ];

    private CustomerFormModel model = new();
    private CustomerProfile original = new CustomerFormModel().ToProfile();
    private IReadOnlyList<FieldError> visibleErrors = [];
    private IReadOnlyList<FieldError> serverErrors = [];
    private readonly HashSet<string> touched = [];
    private IReadOnlyList<BranchOption> branches = [];
    private IReadOnlyList<StaffOption> managers = [];
    private Actor actor = default!;
    /// <summary>
    /// Fields shown masked (issue 11, finding 6): an existing customer's ID number and mobile, as on the 360 page. The
    /// full values come only through <see cref="SensitiveReveal"/> — the 360 page's rule: TOTP step-up, scope, audit.
    /// A masked field keeps its stored value on save unless the user replaces it with a new one.
    /// </summary>
    private readonly HashSet<string> maskedFields = [];
    private bool revealNeedsMfa;
    private bool canReveal;
    private SaveOutcome.Duplicate? duplicate;
    private SaveOutcome.Conflict? conflict;
    private int version;
    private bool assignsOwnBook;
    private bool loading = true;
    private bool notFound;
    private bool submitted;
    private bool saving;
    private bool leaving;

    [Parameter]
    public long? Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    [Inject]
    private SensitiveReveal Reveal { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private bool IsNew => Id is null;

    private bool Individual => model.Type == CustomerType.Individual;

    private bool IsDirty => !leaving && model.ToProfile() != original;

    private string Title => IsNew ? T["Form.NewTitle"] : T["Form.EditTitle"];

    private string BackHref => IsNew ? "/customers" : $"/customers/{Id}";

    private IEnumerable<FieldError> UnplacedErrors => visibleErrors.Where(e => !PlacedFields.Contains(e.Field));

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        notFound = false;
        duplicate = null;
        conflict = null;
        actor = await AuthenticationState.ToActorAsync();
        canReveal = actor.Can(Permissions.SensitiveReveal);

        // Mirrors CustomerStore: a relationship manager's new customers join their own book.
        assignsOwnBook = actor.IsInRole(StaffRole.RelationshipManager) && !actor.IsInRole(StaffRole.Admin);
        if (Id is { } id)
        {
            await LoadAsync(id);
        }
        else
        {
            model = new CustomerFormModel { BranchId = actor.BranchId };
            original = model.ToProfile();
            if (!assignsOwnBook)
            {
                (branches, managers) = await Operations.ReadAsync(async db =>
                    (await StaffDirectory.BranchesAsync(db, actor), await StaffDirectory.RelationshipManagersAsync(db, actor, branchId: null)));
            }
        }

        loading = false;
    }

    private async Task LoadAsync(long id)
    {
        var current = await Operations.QueryAsync(q => q.ProfileAsync(actor, id));
        if (current is not { } found)
        {
            notFound = true;
            return;
        }

        model = CustomerFormModel.From(found.Profile);
        maskedFields.Clear();
        revealNeedsMfa = false;
        if (!string.IsNullOrEmpty(model.IdNumber))
        {
            model.IdNumber = Masking.IdNumber(model.IdNumber);
            maskedFields.Add("IdNumber");
        }

        if (!string.IsNullOrEmpty(model.Mobile))
        {
            model.Mobile = Masking.Mobile(model.Mobile);
            maskedFields.Add("Mobile");
        }

        original = model.ToProfile();
        version = found.Version;
        touched.Clear();
        submitted = false;
        serverErrors = [];
        Validate();

        // Back from the step-up page with ?reveal=1: show the values without a second click.
        if (canReveal && new Uri(Navigation.Uri).Query.Contains("reveal=1", StringComparison.Ordinal))
        {
            await RevealAsync(stepUpWhenNeeded: false);
        }
    }

    private bool Masked(string field) => maskedFields.Contains(field);

    private Task RevealClickedAsync() => RevealAsync(stepUpWhenNeeded: true);

    private async Task RevealAsync(bool stepUpWhenNeeded)
    {
        var result = await Reveal.RevealAsync((await AuthenticationState).User, Id!.Value);
        switch (result.Status)
        {
            case SensitiveReveal.Status.Revealed:
                var values = result.Values!;
                if (Masked("IdNumber"))
                {
                    model.IdNumber = values.IdNumber;
                    original = original with { IdNumber = values.IdNumber };
                }

                if (Masked("Mobile"))
                {
                    model.Mobile = values.Mobile.Length == 0 ? null : values.Mobile;
                    original = original with { Mobile = model.Mobile };
                }

                maskedFields.Clear();
                Validate();
                break;
            case SensitiveReveal.Status.NotEnrolled:
                revealNeedsMfa = true;
                break;
            case SensitiveReveal.Status.StepUpRequired when stepUpWhenNeeded:
                Navigation.NavigateTo("/account/step-up?returnUrl=" + Uri.EscapeDataString($"/customers/{Id}/edit?reveal=1"), forceLoad: true);
                break;
        }
    }

    /// <summary>Replaces a masked value with a new one without showing the old one.</summary>
    private void Replace(string field)
    {
        maskedFields.Remove(field);
        if (field == "IdNumber")
        {
            model.IdNumber = null;
        }
        else
        {
            model.Mobile = null;
        }

        Changed(field);
    }

    private async Task ReloadAsync()
    {
        conflict = null;
        await LoadAsync(Id!.Value);
    }

    private void Changed(string field)
    {
        touched.Add(field);
        duplicate = null;
        serverErrors = [.. serverErrors.Where(e => e.Field != field)];
        Validate();
    }

    private void OnTypeChanged(CustomerType type)
    {
        model.Type = type;
        Changed("Type");
    }

    private void OnIdNumberChanged()
    {
        // Birth date and gender are written in a resident ID; fill them in rather than make the user type them twice.
        if (Individual && ResidentIdNumber.Parse(model.IdNumber, Today()).Value is { } parsed)
        {
            model.BirthDate ??= parsed.BirthDate.ToDateTime(TimeOnly.MinValue);
            model.Gender ??= parsed.Gender;
        }

        Changed("IdNumber");
    }

    private void OnBranchChanged(int? branchId)
    {
        model.BranchId = branchId;
        if (managers.All(m => m.Id != model.RelationshipManagerId || m.BranchId != branchId))
        {
            model.RelationshipManagerId = null;
        }

        Changed("BranchId");
    }

    private void Validate()
    {
        var (_, errors) = CustomerValidator.Validate(model.ToProfile(), Today());

        // A masked value is not checked here; the store checks the stored one on save.
        visibleErrors = [.. errors.Where(e => !Masked(e.Field)).Concat(serverErrors).Where(e => submitted || touched.Contains(e.Field)).DistinctBy(e => e.Field)];
    }

    private bool HasError(string field) => visibleErrors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => visibleErrors.FirstOrDefault(e => e.Field == field)?.Message;

    private async Task SaveAsync()
    {
        submitted = true;
        duplicate = null;
        conflict = null;
        Validate();
        if (visibleErrors.Count > 0)
        {
            return;
        }

        saving = true;
        var profile = model.ToProfile();
        if (maskedFields.Count > 0 && Id is { } editing)
        {
            // The form never held the masked values: those fields keep what is stored.
            var stored = (await Operations.QueryAsync(q => q.ProfileAsync(actor, editing)))?.Profile;
            if (stored is null)
            {
                saving = false;
                notFound = true;
                return;
            }

            profile = profile with { IdNumber = Masked("IdNumber") ? stored.IdNumber : profile.IdNumber, Mobile = Masked("Mobile") ? stored.Mobile : profile.Mobile };
        }
        var outcome = Id is { } id
            ? await Operations.SaveAsync(s => s.UpdateAsync(actor, id, profile, version))
            : await Operations.SaveAsync(s => s.CreateAsync(actor, profile, model.BranchId, model.RelationshipManagerId));
        saving = false;
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                leaving = true;
                Snackbar.Add(T["Form.Saved"], Severity.Success);
                Navigation.NavigateTo($"/customers/{saved.Customer.Id}");
                break;
            case SaveOutcome.Invalid invalid:
                serverErrors = invalid.Errors;
                Validate();
                break;
            case SaveOutcome.Duplicate found:
                duplicate = found;
                break;
            case SaveOutcome.Conflict stale:
                conflict = stale;
                break;
            default:
                notFound = true;
                break;
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!IsDirty)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(T["Form.LeaveTitle"], T["Form.LeaveMessage"], yesText: T["Form.Leave"], cancelText: T["Form.Stay"]);
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    // MudBlazor's own Required check would take over the field's Error state and hide the validator's message.
    private static string Required(string label) => label + " *";

    private DateOnly Today() => ChinaTime.Today(Time);
}
