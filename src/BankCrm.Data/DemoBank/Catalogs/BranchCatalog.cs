using BankCrm.Core.Organization;
using BankCrm.Data.Organization;

namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>A branch of the demo bank: where it is, and how many customers it gets relative to the others.</summary>
internal sealed record BranchSite(int Id, string Code, string Name, City City, string HomeDistrict, double Weight)
{
    public Branch ToBranch() => new() { Id = Id, Code = Code, Name = Name, Province = City.Province, City = City.Name };
}

internal static class BranchCatalog
{
    /// <summary>In opening order: a bank of a given size uses the first <see cref="CountFor"/> of them.</summary>
    public static readonly IReadOnlyList<BranchSite> All =
    [
        new(DemoStaff.HomeBranchId, "SH001", "上海陆家嘴支行", CityCatalog.Shanghai, "浦东新区", 2.0),
        new(2, "SH002", "上海徐家汇支行", CityCatalog.Shanghai, "徐汇区", 1.2),
        new(3, "BJ001", "北京金融街支行", CityCatalog.Beijing, "西城区", 1.4),
        new(4, "SZ001", "深圳福田支行", CityCatalog.Shenzhen, "福田区", 1.3),
        new(5, "GZ001", "广州天河支行", CityCatalog.Guangzhou, "天河区", 1.1),
        new(6, "HZ001", "杭州西湖支行", CityCatalog.Hangzhou, "西湖区", 1.0),
        new(7, "CD001", "成都高新支行", CityCatalog.Chengdu, "武侯区", 0.9),
        new(8, "WH001", "武汉光谷支行", CityCatalog.Wuhan, "洪山区", 0.9),
        new(9, "NJ001", "南京新街口支行", CityCatalog.Nanjing, "秦淮区", 0.9),
        new(10, "SZH001", "苏州工业园区支行", CityCatalog.Suzhou, "苏州工业园区", 0.9),
        new(11, "BJ002", "北京中关村支行", CityCatalog.Beijing, "海淀区", 1.0),
        new(12, "SZ002", "深圳前海支行", CityCatalog.Shenzhen, "南山区", 1.0),
    ];

    /// <summary>Grows gently with the bank: 4 branches at 1,000 customers, 6 at 10,000, 8 at 100,000, 10 at 1,000,000.</summary>
    public static int CountFor(int customers)
    {
        var count = 4 + (int)Math.Round(2 * Math.Log10(Math.Max(1, customers) / 1000.0));
        return Math.Clamp(count, 3, All.Count);
    }
}
