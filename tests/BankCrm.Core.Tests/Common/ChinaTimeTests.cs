using BankCrm.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Core.Tests.Common;

public sealed class ChinaTimeTests
{
    [Fact]
    public void Today_WhenUtcIsLateEvening_IsAlreadyTomorrowInChina()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 25), ChinaTime.Today(time));
        Assert.Equal(new DateTime(2026, 11, 25, 0, 30, 0), ChinaTime.Now(time));
    }

    [Fact]
    public void Today_WhenUtcIsEarlyAfternoon_IsTheSameDay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 59, 59, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 24), ChinaTime.Today(time));
    }
}
