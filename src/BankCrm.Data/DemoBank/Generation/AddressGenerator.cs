using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

internal sealed record PostalAddress(string Province, string City, string District, string Line)
{
    public string FullText => Province == City ? $"{City}{District}{Line}" : $"{Province}{City}{District}{Line}";
}

/// <summary>Homes and offices in the branch's city: about half in the branch's own district.</summary>
internal static class AddressGenerator
{
    private static readonly string[] EstatePrefixes = ["阳光", "金色", "锦绣", "世纪", "翠湖", "华府", "东方", "滨江", "新城", "绿地", "万科", "中海", "保利", "龙湖", "春江", "御景", "紫薇", "枫林"];
    private static readonly string[] EstateSuffixes = ["花园", "苑", "小区", "公寓", "家园", "名邸", "新村", "雅苑", "华庭", "城"];
    private static readonly string[] TowerSuffixes = ["大厦", "中心", "国际广场", "金融中心", "科技园", "商务楼"];

    public static PostalAddress Home(DemoRandom random, BranchSite branch)
    {
        var district = PickDistrict(random, branch);
        var street = random.Pick(district.Streets);
        var line = random.Chance(0.3) && branch.City == CityCatalog.Shanghai
            ? $"{street}{random.Between(1, 2000)}弄{random.Between(1, 40)}号{random.Between(1, 25)}{random.Between(1, 4):D2}室"
            : $"{street}{random.Between(1, 1500)}号{random.Pick(EstatePrefixes)}{random.Pick(EstateSuffixes)}{random.Between(1, 30)}栋{random.Between(1, 4)}单元{random.Between(1, 32)}{random.Between(1, 4):D2}室";
        return new PostalAddress(branch.City.Province, branch.City.Name, district.Name, line);
    }

    public static PostalAddress Office(DemoRandom random, BranchSite branch)
    {
        var district = PickDistrict(random, branch);
        var street = random.Pick(district.Streets);
        var tower = random.Pick(NameData.BrandFirst) + random.Pick(NameData.BrandSecond) + random.Pick(TowerSuffixes);
        var floor = random.Between(2, 45);
        var line = $"{street}{random.Between(1, 1500)}号{tower}{floor}层{floor}{random.Between(1, 20):D2}室";
        return new PostalAddress(branch.City.Province, branch.City.Name, district.Name, line);
    }

    public static string Landline(DemoRandom random, BranchSite branch)
    {
        var digits = branch.City.PhoneAreaCode.Length == 3 ? 8 : 7;
        var first = (char)('2' + random.Next(7));
        return $"{branch.City.PhoneAreaCode}-{first}{random.Digits(digits - 1)}";
    }

    private static District PickDistrict(DemoRandom random, BranchSite branch) =>
        random.Chance(0.5)
            ? branch.City.Districts.First(d => d.Name == branch.HomeDistrict)
            : random.Pick(branch.City.Districts);
}
