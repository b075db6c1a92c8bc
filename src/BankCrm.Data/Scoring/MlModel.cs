using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BankCrm.Data.Scoring;

/// <summary>
/// A trained machine-learning model, kept with its evaluation so that scoring always uses the newest one of a kind
/// and an older version can still be inspected. Versions count up per kind.
/// </summary>
public sealed class MlModel
{
    public long Id { get; set; }

    /// <summary>What the model predicts, e.g. <c>churn</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    public int Version { get; set; }

    /// <summary>The list of input features the model was trained on; a scorer only uses a model of its own feature set.</summary>
    public string FeatureSet { get; set; } = string.Empty;

    public DateTime TrainedAt { get; set; }

    /// <summary>The evaluation of the model on held-out data, as JSON (AUC, top-decile precision and recall, lift, calibration).</summary>
    public string MetricsJson { get; set; } = "{}";

    /// <summary>The model as ML.NET saves it (a zip).</summary>
    public byte[] ModelBytes { get; set; } = [];

    public string Label => $"{Kind}-v{Version}";
}

internal sealed class MlModelConfiguration : IEntityTypeConfiguration<MlModel>
{
    public void Configure(EntityTypeBuilder<MlModel> builder)
    {
        builder.ToTable("ml_models");
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.FeatureSet).HasMaxLength(100);
        // Both providers know "text": metrics outgrow the 200-character default of the model's conventions.
        builder.Property(m => m.MetricsJson).HasColumnType("text");
        builder.Ignore(m => m.Label);
        builder.HasIndex(m => new { m.Kind, m.Version }).IsUnique();
    }
}
