using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Data.Protection;
using static BankCrm.Data.DemoBank.Writers.Col;

namespace BankCrm.Data.DemoBank.Writers;

/// <summary>
/// The bulk-loaded tables with column names as the EF Core model maps them (snake_case). A test compares these
/// with the model, so a renamed property cannot silently break the loaders. Secret and Index columns are written
/// encrypted and as blind indexes, like EF Core writes them (Protection/ProtectedColumns).
/// </summary>
internal static class DemoBankTables
{
    public static readonly TableShape<Customer> Customers = new("customers",
        Long<Customer>("id", c => c.Id), Text<Customer>("customer_number", c => c.CustomerNumber), Int<Customer>("type", c => (int)c.Type),
        Text<Customer>("name", c => c.Name), Secret<Customer>("id_number", c => c.IdNumber), NullableInt<Customer>("gender", c => (int?)c.Gender),
        NullableDate<Customer>("birth_date", c => c.BirthDate), Secret<Customer>("mobile", c => c.Mobile), Text<Customer>("email", c => c.Email),
        Text<Customer>("province", c => c.Province), Text<Customer>("city", c => c.City), Text<Customer>("district", c => c.District),
        Text<Customer>("address_line", c => c.AddressLine), Text<Customer>("occupation", c => c.Occupation), Text<Customer>("industry", c => c.Industry),
        Text<Customer>("legal_representative", c => c.LegalRepresentative), Bool<Customer>("import_export_business", c => c.ImportExportBusiness),
        Int<Customer>("branch_id", c => c.BranchId), Text<Customer>("relationship_manager_id", c => c.RelationshipManagerId),
        Int<Customer>("kyc_status", c => (int)c.KycStatus), NullableDate<Customer>("kyc_expires_on", c => c.KycExpiresOn),
        Time<Customer>("created_at", c => c.CreatedAt), Time<Customer>("updated_at", c => c.UpdatedAt), Int<Customer>("version", c => c.Version),
        Index<Customer>("id_number_index", BlindIndexField.IdNumber, c => c.IdNumber), Index<Customer>("mobile_index", BlindIndexField.Mobile, c => c.Mobile));

    public static readonly TableShape<IdentityDocument> Documents = new("identity_documents",
        Long<IdentityDocument>("id", d => d.Id), Long<IdentityDocument>("customer_id", d => d.CustomerId), Int<IdentityDocument>("document_type", d => (int)d.DocumentType),
        Secret<IdentityDocument>("number", d => d.Number), NullableDate<IdentityDocument>("issued_on", d => d.IssuedOn),
        NullableDate<IdentityDocument>("expires_on", d => d.ExpiresOn), Text<IdentityDocument>("issued_by", d => d.IssuedBy));

    public static readonly TableShape<ContactPoint> Contacts = new("contact_points",
        Long<ContactPoint>("id", c => c.Id), Long<ContactPoint>("customer_id", c => c.CustomerId), Int<ContactPoint>("kind", c => (int)c.Kind),
        Secret<ContactPoint>("value", c => c.Value), Text<ContactPoint>("label", c => c.Label));

    public static readonly TableShape<CustomerRelationship> Relationships = new("customer_relationships",
        Long<CustomerRelationship>("id", r => r.Id), Long<CustomerRelationship>("customer_id", r => r.CustomerId),
        Long<CustomerRelationship>("related_customer_id", r => r.RelatedCustomerId), Int<CustomerRelationship>("kind", r => (int)r.Kind),
        Time<CustomerRelationship>("created_at", r => r.CreatedAt));

    public static readonly TableShape<Account> Accounts = new("accounts",
        Long<Account>("id", a => a.Id), Long<Account>("customer_id", a => a.CustomerId), Int<Account>("product_id", a => a.ProductId),
        Secret<Account>("account_number", a => a.AccountNumber), Index<Account>("account_number_index", BlindIndexField.AccountNumber, a => a.AccountNumber), Date<Account>("opened_on", a => a.OpenedOn), NullableDate<Account>("matures_on", a => a.MaturesOn),
        Money<Account>("balance", a => a.Balance), Text<Account>("currency", a => a.Currency), Int<Account>("status", a => (int)a.Status));

    public static readonly TableShape<Transaction> Transactions = new("transactions",
        Long<Transaction>("id", t => t.Id), Long<Transaction>("customer_id", t => t.CustomerId), Long<Transaction>("account_id", t => t.AccountId),
        Time<Transaction>("occurred_at", t => t.OccurredAt), Money<Transaction>("amount", t => t.Amount), Text<Transaction>("currency", t => t.Currency),
        Int<Transaction>("kind", t => (int)t.Kind), Int<Transaction>("channel", t => (int)t.Channel), Text<Transaction>("counterparty", t => t.Counterparty),
        Text<Transaction>("merchant_category", t => t.MerchantCategory));

    public static readonly TableShape<AppEvent> AppEvents = new("app_events",
        Long<AppEvent>("id", e => e.Id), Long<AppEvent>("customer_id", e => e.CustomerId), Int<AppEvent>("kind", e => (int)e.Kind),
        NullableInt<AppEvent>("product_id", e => e.ProductId), Time<AppEvent>("occurred_at", e => e.OccurredAt));

    public static readonly TableShape<Interaction> Interactions = new("interactions",
        Long<Interaction>("id", i => i.Id), Long<Interaction>("customer_id", i => i.CustomerId), Text<Interaction>("staff_id", i => i.StaffId),
        Int<Interaction>("channel", i => (int)i.Channel), Time<Interaction>("occurred_at", i => i.OccurredAt), Text<Interaction>("summary", i => i.Summary),
        Text<Interaction>("outcome", i => i.Outcome), Text<Interaction>("next_step", i => i.NextStep),
        NullableLong<Interaction>("task_id", i => i.TaskId), NullableLong<Interaction>("event_id", i => i.EventId));

    public static readonly TableShape<ConsentRecord> Consents = new("consent_records",
        Long<ConsentRecord>("id", r => r.Id), Long<ConsentRecord>("customer_id", r => r.CustomerId), Int<ConsentRecord>("purpose", r => (int)r.Purpose),
        NullableInt<ConsentRecord>("channel", r => (int?)r.Channel), Bool<ConsentRecord>("granted", r => r.Granted), Int<ConsentRecord>("source", r => (int)r.Source),
        Time<ConsentRecord>("recorded_at", r => r.RecordedAt), Text<ConsentRecord>("recorded_by", r => r.RecordedBy),
        Text<ConsentRecord>("evidence_note", r => r.EvidenceNote), NullableTime<ConsentRecord>("withdrawn_at", r => r.WithdrawnAt));

    public static readonly TableShape<FieldChange> Changes = new("customer_changes",
        Long<FieldChange>("id", c => c.CustomerId), Long<FieldChange>("customer_id", c => c.CustomerId), Time<FieldChange>("changed_at", c => c.ChangedAt),
        Text<FieldChange>("changed_by", c => c.ChangedBy), Text<FieldChange>("field", c => c.Field), Secret<FieldChange>("old_value", c => c.OldValue),
        Secret<FieldChange>("new_value", c => c.NewValue));

    public static readonly TableShape<DemoBankTruth> Truth = new("demo_bank_truth",
        Long<DemoBankTruth>("customer_id", t => t.CustomerId), Bool<DemoBankTruth>("future_churner", t => t.FutureChurner), Text<DemoBankTruth>("aml_pattern", t => t.AmlPattern));

    /// <summary>Tables with an identity id whose sequence must move past the loaded ids (PostgreSQL).</summary>
    public static readonly IReadOnlyList<string> WithIdentity =
        [Customers.Name, Documents.Name, Contacts.Name, Relationships.Name, Accounts.Name, Transactions.Name, AppEvents.Name, Interactions.Name, Consents.Name, Changes.Name];
}
