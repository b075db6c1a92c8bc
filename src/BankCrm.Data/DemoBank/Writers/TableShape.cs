using BankCrm.Data.Protection;
using Npgsql;
using NpgsqlTypes;

namespace BankCrm.Data.DemoBank.Writers;

/// <summary>
/// One column of a bulk-loaded table: its name, its value as an object (for SQLite parameters) and a typed write
/// (for PostgreSQL binary COPY, which must not box fifty million values). A protected column's value is the
/// plaintext; the writer stores it encrypted, or its blind index (<see cref="Protected"/>).
/// </summary>
internal sealed record Column<T>(string Name, Func<T, object?> Value, Action<NpgsqlBinaryImporter, T> Write)
{
    public ColumnProtection Protection { get; init; }

    public BlindIndexField? IndexField { get; init; }

    /// <summary>What a protected column stores for <paramref name="row"/>: ciphertext, a blind index, or null.</summary>
    public string? Protected(T row, FieldProtector protector) => (Value(row) as string, Protection) switch
    {
        (null, _) => null,
        ({ } text, ColumnProtection.Encrypted) => protector.Encrypt(text),
        ({ } text, ColumnProtection.BlindIndex) => protector.Index.Of(IndexField!.Value, text),
        _ => throw new InvalidOperationException($"Column {Name} is not protected."),
    };
}

internal enum ColumnProtection
{
    None = 0,
    Encrypted = 1,
    BlindIndex = 2,
}

/// <summary>A table the demo bank is bulk-loaded into, with its columns in insert order.</summary>
internal sealed class TableShape<T>(string name, params Column<T>[] columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<Column<T>> Columns { get; } = columns;

    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>Typed column constructors; enums are stored as integers, timestamps as UTC, money as numeric.</summary>
internal static class Col
{
    public static Column<T> Long<T>(string name, Func<T, long> get) =>
        new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.Bigint));

    public static Column<T> Int<T>(string name, Func<T, int> get) =>
        new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.Integer));

    public static Column<T> NullableInt<T>(string name, Func<T, int?> get) =>
        new(name, r => get(r), (w, r) => Write(w, get(r), NpgsqlDbType.Integer));

    public static Column<T> NullableLong<T>(string name, Func<T, long?> get) =>
        new(name, r => get(r), (w, r) => Write(w, get(r), NpgsqlDbType.Bigint));

    public static Column<T> Bool<T>(string name, Func<T, bool> get) =>
        new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.Boolean));

    public static Column<T> Text<T>(string name, Func<T, string?> get) =>
        new(name, r => get(r), (w, r) =>
        {
            if (get(r) is { } value)
            {
                w.Write(value, NpgsqlDbType.Varchar);
            }
            else
            {
                w.WriteNull();
            }
        });

    /// <summary>A C2 text column, stored encrypted (Protection/ProtectedColumns lists the same columns).</summary>
    public static Column<T> Secret<T>(string name, Func<T, string?> get) =>
        Text(name, get) with { Protection = ColumnProtection.Encrypted };

    /// <summary>The blind index of <paramref name="get"/>'s value, for exact lookups of a <see cref="Secret{T}"/> column.</summary>
    public static Column<T> Index<T>(string name, BlindIndexField field, Func<T, string?> get) =>
        Text(name, get) with { Protection = ColumnProtection.BlindIndex, IndexField = field };

    public static Column<T> Money<T>(string name, Func<T, decimal> get) =>
        new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.Numeric));

    public static Column<T> Date<T>(string name, Func<T, DateOnly> get) =>
        new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.Date));

    public static Column<T> NullableDate<T>(string name, Func<T, DateOnly?> get) =>
        new(name, r => get(r), (w, r) => Write(w, get(r), NpgsqlDbType.Date));

    public static Column<T> Time<T>(string name, Func<T, DateTime> get) =>
        new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.TimestampTz));

    public static Column<T> NullableTime<T>(string name, Func<T, DateTime?> get) =>
        new(name, r => get(r), (w, r) => Write(w, get(r), NpgsqlDbType.TimestampTz));

    private static void Write<TValue>(NpgsqlBinaryImporter writer, TValue? value, NpgsqlDbType type)
        where TValue : struct
    {
        if (value is { } present)
        {
            writer.Write(present, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
