using AiGO.Domain.Catalogue;

namespace AiGO.Domain.Common;

/// <summary>What a use case tells its caller: done, or why not, in Chinese, field by field where it can.</summary>
public record Outcome
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    public OutcomeKind Kind { get; init; }
    public bool Succeeded => Kind == OutcomeKind.Ok;

    public static readonly Outcome Ok = new();

    public static Outcome Invalid(IReadOnlyList<FieldError> errors) => new() { Kind = OutcomeKind.Invalid, Errors = errors };
    public static Outcome Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
    public static Outcome Forbidden(string message) => new() { Kind = OutcomeKind.Forbidden, Errors = [new FieldError("", message)] };
    public static Outcome NotFound(string message) => new() { Kind = OutcomeKind.NotFound, Errors = [new FieldError("", message)] };
    public static Outcome Conflict(string message) => new() { Kind = OutcomeKind.Conflict, Errors = [new FieldError("", message)] };

    /// <summary>All messages in one line, for a snackbar.</summary>
    public string Message => string.Join("；", Errors.Select(e => e.Message));
}

public sealed record Outcome<T> : Outcome
{
    public T? Value { get; init; }

    public static Outcome<T> Success(T value) => new() { Value = value };
    public static Outcome<T> From(Outcome failure) => new() { Kind = failure.Kind, Errors = failure.Errors };
}

public enum OutcomeKind { Ok, Invalid, Forbidden, NotFound, Conflict }
