using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using BankCrm.Data.Privacy;

namespace BankCrm.Web.Privacy;

/// <summary>
/// The machine-readable copy (PIPL Art. 45): every section of the customer's data, unmasked because it is their own,
/// with transactions and app events streamed and flushed in batches.
/// </summary>
internal static class JsonExportWriter
{
    private const int FlushEvery = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static async Task WriteAsync(Stream stream, CustomerDataReader reader, long requestId, long customerId, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var data = await reader.ReadAsync(customerId, cancellationToken);
        var c = data.Customer;
        // Through a pipe: Utf8JsonWriter flushes synchronously into a Stream, which the server refuses; into a pipe a flush
        // only hands over the buffer, and the pipe's FlushAsync does the writing.
        var pipe = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        await using var json = new Utf8JsonWriter(pipe, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder });
        json.WriteStartObject();
        json.WriteString("format", "bankcrm.personal-data/1");
        json.WriteNumber("requestId", requestId);
        json.WriteString("generatedAt", generatedAt);
        Write(json, "profile", new
        {
            c.Id, c.CustomerNumber, c.Type, c.Name, c.IdNumber, c.Gender, c.BirthDate, c.Mobile, c.Email, c.Province, c.City, c.District, c.AddressLine,
            c.Occupation, c.Industry, c.LegalRepresentative, c.ImportExportBusiness, c.KycStatus, c.KycExpiresOn, c.CreatedAt, c.UpdatedAt,
            branch = data.BranchName, relationshipManager = data.RelationshipManagerName,
        });
        Write(json, "identityDocuments", data.IdentityDocuments.Select(d => new { d.DocumentType, d.Number, d.IssuedOn, d.ExpiresOn, d.IssuedBy }));
        Write(json, "contactPoints", data.ContactPoints.Select(p => new { p.Kind, p.Value, p.Label }));
        Write(json, "relationships", data.Relationships);
        Write(json, "accounts", data.Accounts);

        json.WriteStartArray("transactions");
        var count = 0;
        await foreach (var t in reader.TransactionsAsync(customerId).WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, new { t.Id, t.AccountId, t.OccurredAt, t.Amount, t.Currency, t.Kind, t.Channel, t.Counterparty, t.MerchantCategory }, Json);
            if (++count % FlushEvery == 0)
            {
                await FlushAsync(json, pipe, cancellationToken);
            }
        }

        json.WriteEndArray();
        Write(json, "interactions", data.Interactions);
        json.WriteStartArray("appEvents");
        await foreach (var e in reader.AppEventsAsync(customerId).WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, new { e.Kind, e.ProductId, e.OccurredAt }, Json);
            if (++count % FlushEvery == 0)
            {
                await FlushAsync(json, pipe, cancellationToken);
            }
        }

        json.WriteEndArray();
        Write(json, "consents", data.Consents.Select(r => new { r.Purpose, r.Channel, r.Granted, r.Source, r.RecordedAt, r.WithdrawnAt, r.EvidenceNote }));
        Write(json, "changeHistory", data.Changes.Select(h => new { h.ChangedAt, h.ChangedBy, h.Field, h.OldValue, h.NewValue }));
        json.WriteEndObject();
        await FlushAsync(json, pipe, cancellationToken);
        await pipe.CompleteAsync();
    }

    private static async Task FlushAsync(Utf8JsonWriter json, PipeWriter pipe, CancellationToken cancellationToken)
    {
        json.Flush();
        await pipe.FlushAsync(cancellationToken);
    }

    private static void Write<T>(Utf8JsonWriter json, string name, T value)
    {
        json.WritePropertyName(name);
        JsonSerializer.Serialize(json, value, Json);
    }
}
