using System.Collections;
using System.Numerics;
using BankCrm.Core.Holdings;

namespace BankCrm.Data.Scoring;

/// <summary>
/// The product categories a customer holds, as bits: one small object per customer where a hash set costs three,
/// which the garbage collector noticed at a million customers.
/// </summary>
internal sealed class CategorySet : IReadOnlySet<ProductCategory>
{
    private ulong bits;

    public int Count => BitOperations.PopCount(bits);

    public void Add(ProductCategory category)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)category, 64u, nameof(category));
        bits |= 1UL << (int)category;
    }

    public bool Contains(ProductCategory item) => (uint)item < 64 && (bits & (1UL << (int)item)) != 0;

    public IEnumerator<ProductCategory> GetEnumerator()
    {
        for (var i = 0; i < 64; i++)
        {
            if ((bits & (1UL << i)) != 0)
            {
                yield return (ProductCategory)i;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Overlaps(IEnumerable<ProductCategory> other) => other.Any(Contains);

    public bool IsSubsetOf(IEnumerable<ProductCategory> other) => (bits & ~Bits(other)) == 0;

    public bool IsSupersetOf(IEnumerable<ProductCategory> other) => other.All(Contains);

    public bool IsProperSubsetOf(IEnumerable<ProductCategory> other) => IsSubsetOf(other) && bits != Bits(other);

    public bool IsProperSupersetOf(IEnumerable<ProductCategory> other) => IsSupersetOf(other) && bits != Bits(other);

    public bool SetEquals(IEnumerable<ProductCategory> other) => bits == Bits(other);

    private static ulong Bits(IEnumerable<ProductCategory> categories)
    {
        var set = new CategorySet();
        foreach (var category in categories)
        {
            set.Add(category);
        }

        return set.bits;
    }
}
