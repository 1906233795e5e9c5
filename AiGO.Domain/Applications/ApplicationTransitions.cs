using static AiGO.Domain.Applications.ApplicationStatus;

namespace AiGO.Domain.Applications;

/// <summary>One legal status move and the kinds of actor that may make it.</summary>
public sealed record Transition(ApplicationStatus From, ApplicationStatus To, ActorKind By);

/// <summary>
/// The legal moves of SPEC §5 as data. <see cref="SubsidyApplication.MoveTo"/> refuses every other move, so no
/// service can put an application in a status the rules do not lead to, or let the wrong kind of actor move it.
/// </summary>
public static class ApplicationTransitions
{
    public static readonly IReadOnlyList<Transition> Legal =
    [
        // 填寫完成: the submission decides the first status from the seats and the review setting. The course's
        // organiser (or the office) importing a trainee list applies for each member through the same submission.
        new(Draft, Submitted, ActorKind.Member | ActorKind.Organiser | ActorKind.Office),
        new(Draft, Approved, ActorKind.Member | ActorKind.Organiser | ActorKind.Office),
        new(Draft, Waitlisted, ActorKind.Member | ActorKind.Organiser | ActorKind.Office),
        // 計畫辦公室審核 (when manual review is on), and rejection with a reason.
        new(Submitted, Approved, ActorKind.Office),
        new(Submitted, Rejected, ActorKind.Office),
        new(Approved, Rejected, ActorKind.Office),
        new(Waitlisted, Rejected, ActorKind.Office | ActorKind.System),
        // 備取遞補: a freed seat goes to the first waitlisted application that still qualifies.
        new(Waitlisted, Approved, ActorKind.System),
        new(Waitlisted, Submitted, ActorKind.System),
        // 取消報名, until the course starts.
        new(Submitted, Cancelled, ActorKind.Member),
        new(Approved, Cancelled, ActorKind.Member),
        new(Waitlisted, Cancelled, ActorKind.Member),
        new(Enrolled, Cancelled, ActorKind.Member),
        // 確認報名繳費
        new(Approved, Enrolled, ActorKind.Organiser | ActorKind.Office),
        // 結訓 is decided from the completion rules once the course has ended.
        new(Enrolled, Completed, ActorKind.System),
        // 處分: a trainee who signed in without attending loses that course's subsidy.
        new(Enrolled, NotCompleted, ActorKind.System | ActorKind.Office),
        new(Completed, NotCompleted, ActorKind.Office),
        // 撥款
        new(Completed, Disbursed, ActorKind.Office),
    ];

    public static bool Allows(ApplicationStatus from, ApplicationStatus to, ActorKind by) =>
        Legal.Any(t => t.From == from && t.To == to && (t.By & by) != 0);

    /// <summary>Why a move is refused, in words: the move itself is not a rule, or it is someone else's to make.</summary>
    public static string Refusal(ApplicationStatus from, ApplicationStatus to) =>
        Legal.Any(t => t.From == from && t.To == to)
            ? $"您沒有權限將申請由「{from.Label()}」改為「{to.Label()}」。"
            : $"申請狀態無法由「{from.Label()}」改為「{to.Label()}」。";
}

/// <summary>A status move the table does not allow; the unit of work turns it into a refusal and writes nothing.</summary>
public sealed class TransitionRefusedException(ApplicationStatus from, ApplicationStatus to)
    : InvalidOperationException(ApplicationTransitions.Refusal(from, to))
{
    public ApplicationStatus From { get; } = from;
    public ApplicationStatus To { get; } = to;
}
