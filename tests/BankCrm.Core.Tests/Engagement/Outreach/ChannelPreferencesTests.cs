using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Outreach;

namespace BankCrm.Core.Tests.Engagement.Outreach;

public sealed class ChannelPreferencesTests
{
    private static readonly DateOnly Today = new(2026, 12, 10);

    [Fact]
    public void Defaults_WhenYoungIndividual_PutsWeComThenAppFirst() =>
        Assert.Equal([ContactChannel.WeCom, ContactChannel.AppPush], Top2(CustomerType.Individual, Today.AddYears(-25)));

    [Fact]
    public void Defaults_WhenSenior_PutsSmsFirst() =>
        Assert.Equal(ContactChannel.Sms, Top2(CustomerType.Individual, Today.AddYears(-60))[0]);

    [Fact]
    public void Defaults_WhenOneDayBeforeSixtiethBirthday_IsNotYetSenior() =>
        Assert.Equal(55, ChannelPreferences.Defaults(CustomerType.Individual, Today.AddYears(-60).AddDays(1), Today).Single(s => s.Channel == ContactChannel.WeCom).Score);

    [Fact]
    public void Defaults_WhenThirtyFifthBirthdayIsToday_IsNoLongerYoung() =>
        Assert.Equal(ContactChannel.Sms, Top2(CustomerType.Individual, Today.AddYears(-35))[0]);

    [Fact]
    public void Defaults_WhenCorporate_PutsEmailFirst() =>
        Assert.Equal(ContactChannel.Email, Top2(CustomerType.Corporate, null)[0]);

    [Fact]
    public void Ranked_WhenAStoredScoreBeatsTheDefault_MovesThatChannelUp()
    {
        var stored = new ChannelPreference { CustomerId = 1, Channel = ContactChannel.Email, Score = 90, Source = PreferenceSource.Staff };

        var ranked = ChannelPreferences.Ranked([stored], CustomerType.Individual, Today.AddYears(-25), Today);

        Assert.Equal(new ChannelScore(ContactChannel.Email, 90, PreferenceSource.Staff), ranked[0]);
        Assert.Equal(5, ranked.Count);
    }

    [Fact]
    public void Learn_WhenSentWithoutAnswer_LowersByOne() =>
        Assert.Equal(79, ChannelPreferences.Learn(new ChannelScore(ContactChannel.WeCom, 80, PreferenceSource.Default), -ChannelPreferences.SendCost));

    [Fact]
    public void Learn_WhenTheCustomerResponds_RaisesByTenAndStopsAtHundred()
    {
        Assert.Equal(60, ChannelPreferences.Learn(new ChannelScore(ContactChannel.Sms, 50, PreferenceSource.Learned), ChannelPreferences.ResponseReward));
        Assert.Equal(100, ChannelPreferences.Learn(new ChannelScore(ContactChannel.Sms, 95, PreferenceSource.Learned), ChannelPreferences.ResponseReward));
    }

    [Fact]
    public void Learn_WhenScoreIsZero_StaysAtZero() =>
        Assert.Equal(0, ChannelPreferences.Learn(new ChannelScore(ContactChannel.Sms, 0, PreferenceSource.Learned), -ChannelPreferences.SendCost));

    [Fact]
    public void Learn_WhenStaffSetTheScore_LeavesItAlone() =>
        Assert.Null(ChannelPreferences.Learn(new ChannelScore(ContactChannel.Sms, 50, PreferenceSource.Staff), ChannelPreferences.ResponseReward));

    [Fact]
    public void Learn_WhenElevenMessagesGoUnanswered_TheSecondChannelTakesTheLead()
    {
        var wecom = new ChannelScore(ContactChannel.WeCom, 80, PreferenceSource.Default);
        for (var i = 0; i < 11; i++)
        {
            wecom = wecom with { Score = ChannelPreferences.Learn(wecom, -ChannelPreferences.SendCost)!.Value, Source = PreferenceSource.Learned };
        }

        var stored = new ChannelPreference { CustomerId = 1, Channel = ContactChannel.WeCom, Score = wecom.Score, Source = wecom.Source };
        var ranked = ChannelPreferences.Ranked([stored], CustomerType.Individual, Today.AddYears(-25), Today);
        Assert.Equal(ContactChannel.AppPush, ranked[0].Channel);
        Assert.Equal(69, ranked[1].Score);
    }

    private static ContactChannel[] Top2(CustomerType type, DateOnly? birthDate) =>
        [.. ChannelPreferences.Ranked([], type, birthDate, Today).Take(2).Select(s => s.Channel)];
}
