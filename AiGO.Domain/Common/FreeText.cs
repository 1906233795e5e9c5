using System.Globalization;

namespace AiGO.Domain.Common;

/// <summary>
/// The one rule for text a person types (names, free text, notes): within its length, and without characters that
/// are not text. Control characters (a NUL cut the welcome mail short and lost its confirmation link), bidirectional
/// overrides (they make 「ㄚ.exe」 read as something else) and zero-width characters (two names that look alike but
/// differ) are refused with a Chinese message that names the character; emoji, HTML and quotes are text and are kept,
/// because every page and export writes them escaped. A form's <c>maxlength</c> is the same number as the rule.
/// </summary>
public static class FreeText
{
    /// <summary>The longest search text a filter takes (names, e-mail addresses, record numbers).</summary>
    public const int MaxSearchLength = 100;

    /// <summary>Bidirectional embeddings, overrides and isolates (Trojan Source, CVE-2021-42574).</summary>
    private static bool IsBidiControl(char c) => c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E'
        or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>Characters that take no room: they make two strings that look equal differ.</summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E'
        or '\u00AD' or '\u2028' or '\u2029' or '\u3164' or '\uFFA0' or (>= '\u2061' and <= '\u2064') or (>= '\uFFF9' and <= '\uFFFB');

    /// <summary>
    /// The message for <paramref name="value"/> as the field <paramref name="label"/>, or null when it may be stored.
    /// A single-line field refuses line breaks and tabs too; a multi-line one keeps them.
    /// </summary>
    public static string? Check(string? value, string label, int maxLength, bool required = false, bool multiline = false)
    {
        var s = value?.Trim() ?? "";
        if (s.Length == 0) return required ? $"請填寫{label}" : null;
        if (s.Length > maxLength) return $"{label}長度限制{maxLength}字以內，目前為{s.Length}字";
        return Refusal(s, label, multiline);
    }

    /// <summary>Why <paramref name="value"/> holds a character that is not text, or null when it holds none.</summary>
    public static string? Refusal(string? value, string label, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value)) return null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"{label}含有無法辨識的字元（{Code(c)}），請重新輸入";
            if (multiline && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c)) return $"{label}不可包含控制字元（{Code(c)}），請刪除後再送出";
            if (IsBidiControl(c)) return $"{label}不可包含改變文字方向的隱藏字元（{Code(c)}），請刪除後再送出";
            if (IsInvisible(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                return $"{label}不可包含看不見的字元（{Code(c)}），請刪除後再送出";
        }
        return null;
    }

    /// <summary>Whether <paramref name="value"/> is free of characters that are not text (a line break counts as text when multi-line).</summary>
    public static bool IsClean(string? value, bool multiline = false) => Refusal(value, "", multiline) is null;

    private static string Code(char c) => $"U+{(int)c:X4}";
}
