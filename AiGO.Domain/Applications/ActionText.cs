using AiGO.Domain.Common;

namespace AiGO.Domain.Applications;

/// <summary>The words the staff actions share.</summary>
internal static class ActionText
{
    /// <summary>The action does not apply to the application's status.</summary>
    public static Outcome WrongStatus(SubsidyApplication app, string action) =>
        Outcome.Conflict($"此申請目前為「{app.Status.Label()}」，無法{action}。");

    /// <summary>A staff member's optional note, appended in brackets.</summary>
    public static string Suffix(string? note) => string.IsNullOrWhiteSpace(note) ? "" : $"（{note.Trim()}）";
}
