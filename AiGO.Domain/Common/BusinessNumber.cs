namespace AiGO.Domain.Common;

/// <summary>統一編號 (Unified Business Number).</summary>
public sealed record BusinessNumber
{
    /// <summary>What the form accepts when the applicant has no 統一編號.</summary>
    public const string NoneValue = "999999999";

    private static readonly int[] Weights = [1, 2, 1, 2, 1, 2, 4, 1];

    private BusinessNumber(string value) => Value = value;

    public string Value { get; }

    public bool IsNone => Value == NoneValue;

    public override string ToString() => Value;

    public static Parsed<BusinessNumber> Parse(string? input)
    {
        var s = InputCleaner.Clean(input);
        if (s.Length == 0)
        {
            return Parsed<BusinessNumber>.Fail("請填寫統一編號");
        }

        if (s == NoneValue)
        {
            return Parsed<BusinessNumber>.Ok(new BusinessNumber(s));
        }

        if (s.Length != 8 || !InputCleaner.IsAllDigits(s))
        {
            return Parsed<BusinessNumber>.Fail("統一編號格式錯誤：應為8位數字，若無請填999999999");
        }

        if (!HasValidChecksum(s))
        {
            return Parsed<BusinessNumber>.Fail("統一編號檢查碼錯誤，請確認是否輸入正確");
        }

        return Parsed<BusinessNumber>.Ok(new BusinessNumber(s));
    }

    private static bool HasValidChecksum(string s)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            var product = (s[i] - '0') * Weights[i];
            sum += (product / 10) + (product % 10);
        }

        // Since 2023 the divisor is 5 instead of 10 (numbers were running out); every
        // number valid under mod 10 is still valid. When the 7th digit is 7, its product
        // 28 gives 2 + 8 = 10, which the rule lets count as 0 (sum as is) or as 1
        // (sum - 9, which is sum + 1 modulo 5).
        return sum % 5 == 0 || (s[6] == '7' && (sum + 1) % 5 == 0);
    }
}
