using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace BankCrm.Web.Audit;

/// <summary>
/// Finds the customers an API response shows, by the shape every customer-bearing response has: a customer
/// (a type with <c>Id</c> and <c>CustomerNumber</c>), or a line that names one (<c>CustomerId</c>, or
/// <c>RelatedCustomerId</c> beside <c>RelatedCustomerNumber</c>), at any depth of records, pages and lists.
/// </summary>
internal static class CustomersShown
{
    private const int MaxDepth = 6;

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    public static HashSet<long> In(object? value)
    {
        var ids = new HashSet<long>();
        Collect(value, ids, 0);
        return ids;
    }

    private static void Collect(object? value, HashSet<long> ids, int depth)
    {
        if (value is null || depth > MaxDepth || value is string)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Collect(item, ids, depth + 1);
            }

            return;
        }

        var shape = Shapes.GetOrAdd(value.GetType(), Shape.Of);
        foreach (var property in shape.CustomerIds)
        {
            if (property.GetValue(value) is long id)
            {
                ids.Add(id);
            }
        }

        foreach (var property in shape.Nested)
        {
            Collect(property.GetValue(value), ids, depth + 1);
        }
    }

    private sealed record Shape(PropertyInfo[] CustomerIds, PropertyInfo[] Nested)
    {
        public static Shape Of(Type type)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
            var names = properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var customerIds = properties.Where(p => IsId(p.PropertyType) && NamesCustomer(p.Name, names)).ToArray();
            var nested = properties.Where(p => IsComposite(p.PropertyType)).ToArray();
            return new Shape(customerIds, nested);
        }

        private static bool NamesCustomer(string name, HashSet<string> siblings) =>
            name == "CustomerId"
            || (name == "Id" && siblings.Contains("CustomerNumber"))
            || (name.EndsWith("CustomerId", StringComparison.Ordinal) && siblings.Contains(name[..^2] + "Number"));

        private static bool IsId(Type type) => type == typeof(long) || type == typeof(long?);

        private static bool IsComposite(Type type)
        {
            var inner = Nullable.GetUnderlyingType(type) ?? type;
            return !(inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(decimal) || inner == typeof(DateTime)
                || inner == typeof(DateTimeOffset) || inner == typeof(DateOnly) || inner == typeof(TimeOnly) || inner == typeof(TimeSpan)
                || inner == typeof(Guid) || inner == typeof(byte[]));
        }
    }
}
