using System.Diagnostics.CodeAnalysis;

namespace AiGO.Domain.Common;

/// <summary>Outcome of parsing user input: either a value or a Chinese message for the field.</summary>
public readonly record struct Parsed<T>(T? Value, string? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(default, error);
    }
}

internal static class InputCleaner
{
    /// <summary>
    /// Removes all whitespace and folds full-width ASCII (e.g. "Ａ１２３", common with Chinese IMEs)
    /// to half-width, so users are not rejected for how their keyboard typed a valid value.
    /// </summary>
    public static string Clean(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var buffer = new char[input.Length];
        var length = 0;
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            buffer[length++] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
        }

        return new string(buffer, 0, length);
    }

    public static bool IsAllDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');
}
