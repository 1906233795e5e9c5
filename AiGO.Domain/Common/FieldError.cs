namespace AiGO.Domain.Common;

/// <summary>A rule some input breaks: the field (a property or question key) and what to tell the user, in Chinese.</summary>
public sealed record FieldError(string Field, string Message);
