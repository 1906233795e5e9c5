namespace AiGO.Domain.Applications;

/// <summary>The year's subsidy limits (configuration section <c>Subsidy</c>); they change by year, so none is a constant.</summary>
public sealed class SubsidyPolicy
{
    /// <summary>單一年度每人補助總額度, NT$.</summary>
    public int AnnualCap { get; set; } = 20_000;
    /// <summary>一般對象: at most this percentage of the course fee.</summary>
    public int DefaultRatePercent { get; set; } = 50;
    /// <summary>特殊身份 code → its own rate, e.g. { "2": 70 }.</summary>
    public Dictionary<string, int> SpecialIdentityRatePercent { get; set; } = [];
    /// <summary>預計撥款時間 = course end date + this many days.</summary>
    public int DisbursementDelayDays { get; set; } = 30;
    /// <summary>處分: how long a sanction bars a member from subsidies, in years from its start.</summary>
    public int SanctionYears { get; set; } = 2;
    /// <summary>
    /// Days after a course's last day for the test, the certificate and the questionnaire; past them an enrolled
    /// application still missing one is decided 未達結訓標準.
    /// </summary>
    public int CompletionGraceDays { get; set; } = 21;
    /// <summary>When on, the programme office approves each application instead of the rules alone.</summary>
    public bool ManualReview { get; set; }

    public int RatePercentFor(string? specialIdentityCode) =>
        specialIdentityCode is not null && SpecialIdentityRatePercent.TryGetValue(specialIdentityCode, out var rate) ? rate : DefaultRatePercent;
}

/// <summary>The subsidy formula of SPEC §5, in one place.</summary>
public static class SubsidyCalculator
{
    /// <summary>min(government share, rate × fee, remaining annual cap), never below 0.</summary>
    public static int ForCourse(int totalFee, int governmentShare, int ratePercent, int remainingCap) =>
        Math.Max(0, Math.Min(Math.Min(governmentShare, totalFee * ratePercent / 100), remainingCap));

    /// <summary>The most a course may ask from the government: rate × fee (rounded down to whole NT$).</summary>
    public static int MaxGovernmentShare(int totalFee, int ratePercent) => totalFee * ratePercent / 100;
}
