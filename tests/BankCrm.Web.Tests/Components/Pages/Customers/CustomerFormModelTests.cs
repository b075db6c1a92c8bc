using BankCrm.Core.Customers;
using BankCrm.Web.Components.Pages.Customers;

namespace BankCrm.Web.Tests.Components.Pages.Customers;

public sealed class CustomerFormModelTests
{
    [Fact]
    public void ToProfile_WhenSwitchedToCorporate_DropsIndividualOnlyFields()
    {
        var model = new CustomerFormModel
        {
            Type = CustomerType.Corporate,
            Name = "上海浦江精密机械有限公司",
            Gender = Gender.Male,
            BirthDate = new DateTime(1980, 3, 12),
            Occupation = "工程师",
            LegalRepresentative = "张伟",
            ImportExportBusiness = true,
        };

        var profile = model.ToProfile();

        Assert.Null(profile.Gender);
        Assert.Null(profile.BirthDate);
        Assert.Null(profile.Occupation);
        Assert.Equal("张伟", profile.LegalRepresentative);
        Assert.True(profile.ImportExportBusiness);
    }

    [Fact]
    public void From_ThenToProfile_WhenUnchanged_EqualsTheStoredProfile()
    {
        var stored = new CustomerProfile
        {
            Type = CustomerType.Individual,
            Name = "张伟",
            IdNumber = "11010519491231002X",
            Gender = Gender.Female,
            BirthDate = new DateOnly(1949, 12, 31),
            Mobile = "13800138000",
        };

        // The form compares these to decide whether to warn about unsaved changes.
        Assert.Equal(stored, CustomerFormModel.From(stored).ToProfile());
    }
}
