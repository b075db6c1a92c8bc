using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>
/// Applies the learning rule of <see cref="ChannelPreferences"/> to the stored score of one channel in one statement
/// (insert from the default, or add to the stored score; staff-set scores stay), so two nodes learning at once for
/// the same customer neither fail nor lose an update.
/// </summary>
public static class ChannelPreferenceLearning
{
    public static Task ApplyAsync(CrmDbContext db, long customerId, ChannelScore current, int delta, DateTime now, CancellationToken cancellationToken)
    {
        if (ChannelPreferences.Learn(current, delta) is not { } first)
        {
            return Task.CompletedTask;
        }

        var channel = (int)current.Channel;
        const int learned = (int)PreferenceSource.Learned;
        const int staff = (int)PreferenceSource.Staff;
        const int max = ChannelPreferences.MaxScore;
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO channel_preferences (customer_id, channel, score, source, updated_at)
            VALUES ({customerId}, {channel}, {first}, {learned}, {now})
            ON CONFLICT (customer_id, channel) DO UPDATE SET
                score = CASE WHEN channel_preferences.score + {delta} < 0 THEN 0
                             WHEN channel_preferences.score + {delta} > {max} THEN {max}
                             ELSE channel_preferences.score + {delta} END,
                source = {learned}, updated_at = {now}
            WHERE channel_preferences.source <> {staff}
            """,
            cancellationToken);
    }
}
