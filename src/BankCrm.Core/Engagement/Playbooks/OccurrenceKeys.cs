using System.Globalization;
using BankCrm.Core.Segmentation;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// What makes one occurrence of a trigger distinct. Enrolments are unique per playbook × customer × key, so the key
/// decides what "once" means: once per account opened, per entry into a stage (the run that saw it), per mortgage
/// anniversary, per loan maturity date, per birthday year, per holiday date, per segment, per need detection, and
/// per month or quarter. The set-based evaluation builds the same strings in SQL from these prefixes.
/// </summary>
public static class OccurrenceKeys
{
    public const string AccountPrefix = "account:";
    public const string MortgagePrefix = "mortgage:";
    public const string MaturityPrefix = "maturity:";

    public static string AccountOpened(long accountId) => AccountPrefix + Number(accountId);

    public static string StageChanged(LifecycleStage stage, DateOnly runDate) => $"stage:{stage}:{Day(runDate)}";

    public static string MortgageRepaid(long accountId, int months) => $"{MortgagePrefix}{Number(accountId)}:{Number(months)}m";

    /// <summary>The maturity date is part of the key: a loan whose term was extended matures again.</summary>
    public static string LoanMaturity(long accountId, DateOnly maturesOn) => $"{MaturityPrefix}{Number(accountId)}:{Compact(maturesOn)}";

    public static string Birthday(int year) => "birthday:" + Number(year);

    public static string Holiday(DateOnly date) => "holiday:" + Day(date);

    public static string SegmentEntry(long segmentId) => "segment:" + Number(segmentId);

    public static string NeedDetected(string needCode, DateOnly runDate) => $"need:{needCode}:{Day(runDate)}";

    /// <summary>"2026-12" for monthly, "2026-Q4" for quarterly.</summary>
    public static string Recurring(string every, DateOnly today) => every == PlaybookVocabulary.Quarterly
        ? $"{Number(today.Year)}-Q{Number(((today.Month - 1) / 3) + 1)}"
        : today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>yyyyMMdd as a number: what SQL computes from a date's parts without formatting text.</summary>
    public static int CompactDate(DateOnly date) => (date.Year * 10_000) + (date.Month * 100) + date.Day;

    /// <summary>The account id in an account-based key ("account:12", "mortgage:12:6m", "maturity:12:20261231"), if any.</summary>
    public static long? AccountId(string occurrenceKey)
    {
        ArgumentNullException.ThrowIfNull(occurrenceKey);
        foreach (var prefix in new[] { AccountPrefix, MortgagePrefix, MaturityPrefix })
        {
            if (occurrenceKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = occurrenceKey[prefix.Length..];
                var end = rest.IndexOf(':', StringComparison.Ordinal);
                return long.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
            }
        }

        return null;
    }

    private static string Compact(DateOnly date) => Number(CompactDate(date));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
