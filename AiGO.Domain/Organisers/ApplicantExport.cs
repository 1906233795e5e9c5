using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Organisers;

/// <summary>
/// One exported applicant, every value as the workbook writes it. <see cref="NationalIdCipher"/> is set only for a full
/// export; the web layer, which alone holds the key, opens it.
/// </summary>
public sealed record ApplicantExportRow(
    string Name, string MaskedNationalId, string? NationalIdCipher, string Identity, string Status, int Subsidy,
    string Mobile, string Phone, string Email, string SubmittedAt, string Lacking);

/// <summary>申請名單 as a sheet: the course and its rows, in the list's order.</summary>
public sealed record ApplicantSheet(Course Course, bool FullNationalIds, IReadOnlyList<ApplicantExportRow> Rows);

/// <summary>
/// 匯出Excel: the rows of <see cref="ApplicantList"/> under its very authorisation (the course's own 開課單位 and the
/// office). Every export is audited as one entry with who, the course and how many rows; one with full national IDs
/// under an action of its own (SPEC §9: every read of a full national ID by staff is audited).
/// </summary>
public sealed class ApplicantExport(ApplicantList list, IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public const string MaskedAction = "applicants.export";
    public const string FullAction = "applicants.export.full";

    public async Task<Outcome<ApplicantSheet>> ExportAsync(Actor actor, int courseId, bool fullNationalIds, ApplicationStatus? status = null, CancellationToken ct = default)
    {
        var loaded = await list.LoadAsync(actor, courseId, status, ct);
        if (loaded.Value is not { } view) return Outcome<ApplicantSheet>.From(loaded);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ciphers = new Dictionary<string, string?>();
        if (fullNationalIds)
        {
            var ids = view.Rows.Select(r => r.MemberId).Distinct().ToList();
            ciphers = await db.MemberProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId))
                .ToDictionaryAsync(p => p.UserId, p => p.NationalIdCipher, ct);
        }
        var rows = view.Rows.Select(r => new ApplicantExportRow(
            r.Name, r.MaskedNationalId ?? "", ciphers.GetValueOrDefault(r.MemberId), r.Identity?.Label() ?? "", r.Status.Label(), r.Subsidy,
            r.Mobile ?? "", r.Phone ?? "", r.Email, r.SubmittedAt is { } at ? Taipei.Format(at) : "",
            r.Checklist is null ? "" : r.Lacking.Count == 0 ? "無" : string.Join("、", r.Lacking))).ToList();

        var filter = status is { } s ? $"（{s.Label()}）" : "";
        db.AuditLog.Add(fullNationalIds
            ? actor.Audit(clock.GetUtcNow(), FullAction, nameof(Course), courseId, $"匯出申請名單「{view.Course.Name}」{filter}{rows.Count}筆，含完整身分證字號")
            : actor.Audit(clock.GetUtcNow(), MaskedAction, nameof(Course), courseId, $"匯出申請名單「{view.Course.Name}」{filter}{rows.Count}筆，身分證字號遮罩"));
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicantSheet>.Success(new ApplicantSheet(view.Course, fullNationalIds, rows));
    }
}
