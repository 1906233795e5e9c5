using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>One step of the status history as the member reads it.</summary>
public sealed record StatusStep(DateTimeOffset At, ApplicationStatus? From, ApplicationStatus To, string ActorName, string? Reason);

/// <summary>One application on 課程管理, with everything the page shows and which buttons work.</summary>
public sealed record MyApplication(
    int ApplicationId, int CourseId, string OrganiserName, string CourseName, DateOnly Start, DateOnly End,
    DateOnly ExpectedDisbursement, DateOnly? DisbursedOn, ApplicationStatus Status, int Subsidy, bool HoldsMoney,
    int? WaitlistPosition, string? RejectionReason, bool CanReapply, string? CancelRefusal, string TestText,
    string QuestionnaireText, bool QuestionnaireFilled, string? QuestionnaireRefusal, CompletionChecklist? Checklist, IReadOnlyList<StatusStep> History)
{
    public bool CanCancel => CancelRefusal is null;
    public bool CanFillQuestionnaire => QuestionnaireRefusal is null;
    /// <summary>已取消 or 未通過: over for this member; 課程管理 folds it below the live ones.</summary>
    public bool IsEnded => ApplicationStatuses.Ended.Contains(Status);
    /// <summary>測驗完成 and 課程問卷 concern only a trainee who takes part in the course.</summary>
    public bool ShowsProgress => Checklist is not null;
    /// <summary>取消報名 is offered while it can still apply: greyed out with its reason once the course started, gone once it ended.</summary>
    public bool ShowsCancel { get; init; }
    public string StatusText => WaitlistPosition is { } p ? $"{Status.Label()}（第{p}位）" : Status.Label();
}

/// <summary>
/// 課程管理 (SPEC §6). <see cref="Count"/> (數量) counts the applications that are not over (<see cref="Current"/>);
/// <see cref="SubsidyTotal"/> (政府補助總額度) sums the subsidy they still hold or were paid; the ended ones
/// (已取消, 未通過) are listed and counted apart.
/// </summary>
public sealed record MyCoursesView(int Count, int SubsidyTotal, IReadOnlyList<MyApplication> Current, IReadOnlyList<MyApplication> Ended)
{
    public IReadOnlyList<MyApplication> Applications => [.. Current, .. Ended];
}

/// <summary>The trainee's own applications, read for 課程管理. Only the member's own rows are ever read.</summary>
public sealed class TraineeCourses(IDbContextFactory<AiGoDbContext> dbFactory, SubsidyPolicy policy, TimeProvider clock)
{
    public async Task<MyCoursesView> ListAsync(Actor member, CancellationToken ct = default)
    {
        if (member.Id is not { } memberId) return new MyCoursesView(0, 0, [], []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var apps = await db.Applications.AsNoTracking().Include(a => a.Course).ThenInclude(c => c.Organiser)
            .Where(a => a.MemberId == memberId && a.Status != ApplicationStatus.Draft)
            .ToListAsync(ct);
        var ids = apps.Select(a => a.Id).ToList();
        var history = (await db.StatusChanges.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct))
            .ToLookup(c => c.ApplicationId);
        var waitlisted = apps.Where(a => a.Status == ApplicationStatus.Waitlisted).Select(a => a.CourseId).ToList();
        var queues = (await db.Applications.AsNoTracking()
                .Where(a => waitlisted.Contains(a.CourseId) && a.Status == ApplicationStatus.Waitlisted)
                .Select(a => new { a.Id, a.CourseId, a.SubmittedAt }).ToListAsync(ct))
            .GroupBy(a => a.CourseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Select(a => a.Id).ToList());
        var liveCourses = apps.Where(a => ApplicationStatuses.Live.Contains(a.Status)).Select(a => a.CourseId).ToHashSet();

        var today = clock.Today();
        var rows = apps
            .OrderByDescending(a => ApplicationStatuses.HoldingMoney.Contains(a.Status))
            .ThenByDescending(a => a.Course.StartDate).ThenByDescending(a => a.Id)
            .Select(a => Row(a, today, queues, liveCourses, history[a.Id]))
            .ToList();
        var current = rows.Where(r => !r.IsEnded).ToList();
        return new MyCoursesView(current.Count, current.Where(r => r.HoldsMoney).Sum(r => r.Subsidy), current, rows.Where(r => r.IsEnded).ToList());
    }

    private MyApplication Row(SubsidyApplication a, DateOnly today, Dictionary<int, List<int>> queues, HashSet<int> liveCourses, IEnumerable<ApplicationStatusChange> history)
    {
        var c = a.Course;
        var attending = ApplicationStatuses.Attending.Contains(a.Status);
        int? position = a.Status == ApplicationStatus.Waitlisted && queues.TryGetValue(a.CourseId, out var q) ? q.IndexOf(a.Id) + 1 : null;
        var ended = today >= c.EndDate;
        var testText = !attending ? "—" : !ended ? "預計完成課程後開放" : a.TestPassed switch { true => "已通過", false => "未通過", null => "尚未登錄" };
        // The same rules the services apply: a button shown here is one the service will honour.
        var cancelRefusal = CancelApplication.Refusal(a, today);
        var questionnaire = FillQuestionnaire.MayFill(a, today);
        var questionnaireRefusal = questionnaire.Succeeded ? null : questionnaire.Message;
        var canReapply = a.Status == ApplicationStatus.Rejected && RejectionReasons.IsFixable(a.RejectionCode)
            && c.Status == Catalogue.CourseStatus.Published && c.StartDate > today && !liveCourses.Contains(a.CourseId);
        return new MyApplication(
            a.Id, a.CourseId, c.Organiser.Name, c.Name, c.StartDate, c.EndDate, c.EndDate.PlusDays(policy.DisbursementDelayDays), a.DisbursedOn,
            a.Status, a.Subsidy, ApplicationStatuses.HoldingMoney.Contains(a.Status), position,
            a.Status == ApplicationStatus.Rejected ? a.RejectionReason : null, canReapply, cancelRefusal, testText,
            a.QuestionnaireSubmittedAt is { } filled ? $"已填寫（{Taipei.Format(filled)}）" : "問卷尚未填寫", a.QuestionnaireSubmittedAt is not null, questionnaireRefusal,
            attending ? Completion.For(c, a, today) : null,
            history.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new StatusStep(h.At, h.From, h.To, h.ActorName, h.Reason)).ToList())
        {
            ShowsCancel = ApplicationStatuses.Cancellable.Contains(a.Status) && today <= c.EndDate,
        };
    }
}
