using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>Whose an application is: the member, the course and the course's 開課單位. Enough to decide who may act on it.</summary>
public sealed record ApplicationParties(string MemberId, int CourseId, int? OrganiserId)
{
    public static Task<ApplicationParties?> LoadAsync(AiGoDbContext db, int applicationId, CancellationToken ct = default) =>
        db.Applications.Where(a => a.Id == applicationId)
            .Select(a => new ApplicationParties(a.MemberId, a.CourseId, a.Course.OrganiserId))
            .SingleOrDefaultAsync(ct);

    /// <summary>The parties of a loaded application (its course, when loaded, names the organiser).</summary>
    public static ApplicationParties Of(SubsidyApplication app) => new(app.MemberId, app.CourseId, app.Course?.OrganiserId);
}

/// <summary>The kinds of actor a status move may be made by (see <see cref="ApplicationTransitions"/>).</summary>
[Flags]
public enum ActorKind
{
    None = 0,
    /// <summary>The member the application belongs to.</summary>
    Member = 1,
    /// <summary>Staff of the course's own 開課單位.</summary>
    Organiser = 2,
    /// <summary>計畫辦公室</summary>
    Office = 4,
    /// <summary>The system (a waitlist promotion, a completion decided after the course's end).</summary>
    System = 8,
}

/// <summary>Who may act on an application, in one place: every service and every page asks these.</summary>
public static class ApplicationAccess
{
    /// <summary>What <paramref name="actor"/> is to an application with these parties; one account may be several.</summary>
    public static ActorKind KindsOf(Actor actor, ApplicationParties parties)
    {
        var kinds = ActorKind.None;
        if (actor.IsSystem) kinds |= ActorKind.System;
        if (actor.Id is { } id && id == parties.MemberId) kinds |= ActorKind.Member;
        if (actor.WorksFor(parties.OrganiserId)) kinds |= ActorKind.Organiser;
        if (actor.IsOffice) kinds |= ActorKind.Office;
        return kinds;
    }

    private static Func<Actor, ApplicationParties, bool> Any(ActorKind kinds) => (actor, parties) => (KindsOf(actor, parties) & kinds) != 0;

    /// <summary>A trainee applying for themselves (the wizard). Staff accounts are not applicants, whatever else they hold.</summary>
    public static readonly Permission<ApplicationParties> Applicant =
        new("application.applicant", (a, p) => (KindsOf(a, p) & ActorKind.Member) != 0 && a.IsInRole(Accounts.Roles.Trainee), "只有學員可以申請補助");

    /// <summary>The member themselves: cancel, fill the questionnaire.</summary>
    public static readonly Permission<ApplicationParties> OwnMember =
        new("application.own-member", Any(ActorKind.Member), "只能處理自己的申請");

    /// <summary>The course's own 開課單位, or the office: enrolment, attendance, test, certificate.</summary>
    public static readonly Permission<ApplicationParties> CourseOrganiserOrOffice =
        new("application.organiser-or-office", Any(ActorKind.Organiser | ActorKind.Office), "您沒有處理此申請的權限");

    /// <summary>The system's own rules (completion decided after a course's end), never a user.</summary>
    public static readonly Permission<ApplicationParties> SystemOnly =
        new("application.system", Any(ActorKind.System), "只有系統可以執行此作業");

    /// <summary>The office only: approval, rejection, disbursement.</summary>
    public static readonly Permission<ApplicationParties> Office =
        new("application.office", Any(ActorKind.Office), "只有計畫辦公室可以處理此申請");
}
