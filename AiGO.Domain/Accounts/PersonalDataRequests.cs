using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Accounts;

/// <summary>One request as the member and the office see it, with its legal due date judged today.</summary>
public sealed record PrivacyRequestRow(
    int Id, PrivacyRequestKind Kind, string MemberId, string MemberName, string MemberEmail, string? Details,
    DateTimeOffset ReceivedAt, DateOnly DueOn, bool Extended, string? ExtensionReason, PrivacyRequestState State,
    string? Answer, DateTimeOffset? ClosedAt, string? HandlerName, bool Overdue, int DaysLeft)
{
    /// <summary>「剩3天」, 「今天到期」 or 「已逾期2天」 for an open request; empty once closed.</summary>
    public string DueText => State != PrivacyRequestState.Open ? ""
        : DaysLeft > 0 ? $"剩{DaysLeft}天" : DaysLeft == 0 ? "今天到期" : $"已逾期{-DaysLeft}天";
}

/// <summary>個資請求's board: the open requests by due date (overdue first), then the closed ones, newest first.</summary>
public sealed record PrivacyDeskView(IReadOnlyList<PrivacyRequestRow> Rows, int Open, int Overdue);

/// <summary>
/// 行使個資權利 (個人資料保護法 §3, §10, §11, §13; SPEC §9, §12): a member files a request from the personal-data page,
/// and the programme office answers it on 個資請求 within the legal period, extending it once with a reason the member
/// is mailed. Every step is in 稽核紀錄 and the member is mailed at each one.
/// </summary>
public sealed class PersonalDataRequests(IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work, MailTemplates templates, TimeProvider clock)
{
    /// <summary>A signed-in account files a request about its own data.</summary>
    public static readonly Permission<string> File =
        new("privacy.file", (a, memberId) => a.Id is not null && a.Id == memberId, "只能為自己的個人資料提出請求");

    /// <summary>The programme office handles the requests.</summary>
    public static readonly Permission<string> Handle =
        new("privacy.handle", (a, _) => a.IsOffice, "只有計畫辦公室可以處理個資請求");

    public const string FileAction = "privacy.request", ExtendAction = "privacy.extend", CompleteAction = "privacy.complete", DeclineAction = "privacy.decline";

    public static string? CheckDetails(PrivacyRequestKind kind, string? details) =>
        FreeText.Check(details, "請求內容", PrivacyRequest.MaxDetailsLength, required: kind == PrivacyRequestKind.Correction, multiline: true) is { } message
            ? (kind == PrivacyRequestKind.Correction && string.IsNullOrWhiteSpace(details) ? "請說明要補充或更正的資料與正確內容" : message)
            : null;

    public static string? CheckAnswer(string? answer, string label) =>
        FreeText.Check(answer, label, PrivacyRequest.MaxAnswerLength, required: true, multiline: true);

    /// <summary>Files a request for the acting account; the value is the new request's number.</summary>
    public async Task<Outcome<int>> FileAsync(Actor actor, PrivacyRequestKind kind, string? details, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind)) return Outcome<int>.From(Outcome.Invalid("kind", "請選擇請求項目"));
        if (CheckDetails(kind, details) is { } detailsError) return Outcome<int>.From(Outcome.Invalid("details", detailsError));
        PrivacyRequest? filed = null;
        var outcome = await work.OnMemberAsync(actor, actor.Id ?? "", File, async s =>
        {
            if (await s.Db.PrivacyRequests.AnyAsync(r => r.MemberId == actor.Id && r.Kind == kind && r.State == PrivacyRequestState.Open, s.Ct))
                return Outcome.Conflict($"您已有一件處理中的「{kind.Label()}」請求，請待計畫辦公室回覆");
            filed = PrivacyRequest.Receive(actor.Id!, kind, details, s.Now);
            s.Db.PrivacyRequests.Add(filed);
            await s.Db.SaveChangesAsync(s.Ct);
            var member = await s.MemberAsync(actor.Id!);
            if (member.Email.Length > 0) s.Mail(member.Email, member.Name, templates.PrivacyRequestReceived(member.Name, kind.Label(), filed.Id, filed.DueOn));
            s.Audit(FileAction, nameof(PrivacyRequest), filed.Id, $"{kind.Label()}（法定期限 {Taipei.Format(filed.DueOn)}）");
            return null;
        }, ct: ct);
        return outcome.Succeeded ? Outcome<int>.Success(filed!.Id) : Outcome<int>.From(outcome);
    }

    /// <summary>The acting account's own requests, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<PrivacyRequestRow>>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        if (File.Deny(actor, actor.Id ?? "") is { } refused) return Outcome<IReadOnlyList<PrivacyRequestRow>>.From(refused);
        return Outcome<IReadOnlyList<PrivacyRequestRow>>.Success(await RowsAsync(r => r.MemberId == actor.Id, ct));
    }

    /// <summary>個資請求: every request, the open ones by due date with the overdue first.</summary>
    public async Task<Outcome<PrivacyDeskView>> BoardAsync(Actor actor, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<PrivacyDeskView>.From(refused);
        var rows = await RowsAsync(_ => true, ct);
        var ordered = rows.Where(r => r.State == PrivacyRequestState.Open).OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Concat(rows.Where(r => r.State != PrivacyRequestState.Open).OrderByDescending(r => r.ClosedAt).ThenByDescending(r => r.Id))
            .ToList();
        return Outcome<PrivacyDeskView>.Success(new PrivacyDeskView(ordered, ordered.Count(r => r.State == PrivacyRequestState.Open), ordered.Count(r => r.Overdue)));
    }

    /// <summary>延長處理期限: once, by the same period, with the reason mailed to the member (art. 13).</summary>
    public Task<Outcome> ExtendAsync(Actor actor, int requestId, string? reason, CancellationToken ct = default) =>
        HandleAsync(actor, requestId, async (s, request, member) =>
        {
            if (CheckAnswer(reason, "延長原因") is { } reasonError) return Outcome.Invalid("reason", reasonError);
            if (request.ExtensionRefusal(s.Today) is { } refusal) return Outcome.Conflict(refusal);
            var before = request.DueOn;
            request.Extend(reason!.Trim(), s.Now);
            if (member.Email.Length > 0)
                s.Mail(member.Email, member.Name, templates.PrivacyRequestExtended(member.Name, request.Kind.Label(), request.Id, request.DueOn, request.ExtensionReason!));
            s.Audit(ExtendAction, nameof(PrivacyRequest), request.Id,
                $"{request.Kind.Label()}：處理期限 {Taipei.Format(before)} 延長至 {Taipei.Format(request.DueOn)}，原因：{request.ExtensionReason}");
            await Task.CompletedTask;
            return null;
        }, ct);

    /// <summary>已完成: what was done, told to the member.</summary>
    public Task<Outcome> CompleteAsync(Actor actor, int requestId, string? answer, CancellationToken ct = default) =>
        CloseAsync(actor, requestId, answer, PrivacyRequestState.Completed, "處理說明", CompleteAction, ct);

    /// <summary>不予處理: the reason the law allows (e.g. the data must be kept for the subsidy records), told to the member.</summary>
    public Task<Outcome> DeclineAsync(Actor actor, int requestId, string? reason, CancellationToken ct = default) =>
        CloseAsync(actor, requestId, reason, PrivacyRequestState.Declined, "不予處理的理由", DeclineAction, ct);

    private Task<Outcome> CloseAsync(Actor actor, int requestId, string? answer, PrivacyRequestState state, string label, string action, CancellationToken ct) =>
        HandleAsync(actor, requestId, async (s, request, member) =>
        {
            if (CheckAnswer(answer, label) is { } answerError) return Outcome.Invalid("answer", answerError);
            if (request.State != PrivacyRequestState.Open) return Outcome.Conflict($"此請求已{request.State.Label()}，不需再處理");
            var late = request.IsOverdue(s.Today);
            request.State = state;
            request.Answer = answer!.Trim();
            request.ClosedAt = s.Now;
            if (member.Email.Length > 0)
                s.Mail(member.Email, member.Name, templates.PrivacyRequestClosed(member.Name, request.Kind.Label(), request.Id, state.Label(), request.Answer));
            s.Audit(action, nameof(PrivacyRequest), request.Id,
                $"{request.Kind.Label()}：{state.Label()}{(late ? "（逾法定期限）" : "")}，{label}：{request.Answer}");
            await Task.CompletedTask;
            return null;
        }, ct);

    private async Task<Outcome> HandleAsync(Actor actor, int requestId, Func<ChangeScope, PrivacyRequest, MemberContact, Task<Outcome?>> act, CancellationToken ct)
    {
        if (Handle.Deny(actor, "") is { } refused) return refused;
        string? memberId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            memberId = await db.PrivacyRequests.Where(r => r.Id == requestId).Select(r => r.MemberId).SingleOrDefaultAsync(ct);
        if (memberId is null) return Outcome.NotFound("找不到此個資請求");
        return await work.OnMemberAsync(actor, memberId, Handle, async s =>
        {
            var request = await s.Db.PrivacyRequests.SingleAsync(r => r.Id == requestId, s.Ct);
            var member = await s.MemberAsync(memberId);
            if (await act(s, request, member) is { Succeeded: false } failure) return failure;
            request.HandlerId = actor.Id;
            request.HandlerName = actor.Name;
            return null;
        }, ct: ct);
    }

    private async Task<List<PrivacyRequestRow>> RowsAsync(System.Linq.Expressions.Expression<Func<PrivacyRequest, bool>> filter, CancellationToken ct)
    {
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
                from r in db.PrivacyRequests.AsNoTracking().Where(filter)
                join u in db.Users on r.MemberId equals u.Id
                select new { r, u.DisplayName, u.Email })
            .ToListAsync(ct);
        return rows.OrderByDescending(x => x.r.Id).Select(x => new PrivacyRequestRow(
            x.r.Id, x.r.Kind, x.r.MemberId, x.DisplayName, x.Email ?? "", x.r.Details, x.r.ReceivedAt, x.r.DueOn, x.r.IsExtended,
            x.r.ExtensionReason, x.r.State, x.r.Answer, x.r.ClosedAt, x.r.HandlerName, x.r.IsOverdue(today), x.r.DaysLeft(today))).ToList();
    }
}
