using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Privacy;

/// <summary>One labelled value of the copy, as the member reads it (a code shown as its name).</summary>
public sealed record DataField(string Label, string Value);

/// <summary>One application with its status history and questionnaire answers.</summary>
public sealed record ApplicationCopy(IReadOnlyList<DataField> Fields, IReadOnlyList<IReadOnlyList<DataField>> History, IReadOnlyList<IReadOnlyList<DataField>> Answers);

/// <summary>
/// 製給複製本 (個資法第10條): everything the system holds about the member, labelled in Chinese as the pages label it,
/// codes as their names. The JSON and the Excel download are two renderings of this one copy.
/// </summary>
public sealed record PersonalDataCopy(
    IReadOnlyList<DataField> Account, IReadOnlyList<DataField> Profile, IReadOnlyList<IReadOnlyList<DataField>> Consents,
    IReadOnlyList<ApplicationCopy> Applications, IReadOnlyList<IReadOnlyList<DataField>> Credits, IReadOnlyList<IReadOnlyList<DataField>> Requests);

/// <summary>Reads the signed-in member's copy; the national ID is opened for its owner only.</summary>
public sealed class MyPersonalData(IDbContextFactory<AiGoDbContext> dbFactory, NationalIdProtector protector, CodeBook codeBook, TimeProvider clock)
{
    public async Task<PersonalDataCopy> LoadAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = CurrentUser.IdOf(principal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct) ?? new MemberProfile { UserId = userId, Name = user.DisplayName };
        protector.Open(profile);
        var codes = await codeBook.LoadAsync(ct);
        string Code(CodeTableKind table, string? code) =>
            code is null ? "" : codes.FirstOrDefault(c => c.Table == table && c.Code == code)?.Name ?? code;

        var account = new List<DataField>
        {
            new("電子郵件", user.Email ?? ""), new("電子郵件已驗證", YesNo(user.EmailConfirmed)), new("姓名", user.DisplayName),
            new("註冊時間", When(user.CreatedAt)),
        };
        var p = profile;
        var basic = new List<DataField>
        {
            new("姓名", p.Name ?? ""), new("身分證字號", p.NationalId ?? ""), new("生日", p.Birthday is { } b ? Taipei.Format(b) : ""),
            new("身分別", p.IdentityType?.Label() ?? ""), new("性別", Code(CodeTableKind.Gender, p.Gender)), new("聯絡電話", p.Phone ?? ""),
            new("分機", p.Extension ?? ""), new("手機", p.Mobile ?? ""), new("累計工作年資(年)", p.YearsOfWork?.ToString() ?? ""),
            new("在台居住地", Code(CodeTableKind.Residence, p.Residence)), new("統一編號", p.BusinessNumber ?? ""),
            new("服務單位", p.CompanyName ?? ""), new("服務部門", p.Department ?? ""), new("職稱", p.JobTitle ?? ""),
            new("工作內容", p.JobContent ?? ""), new("就學學校", p.School ?? ""), new("就學科系", p.Major ?? ""),
            new("職級", Code(CodeTableKind.JobLevel, p.JobLevel)), new("特殊身份", Code(CodeTableKind.SpecialIdentity, p.SpecialIdentity)),
            new("最高學歷", Code(CodeTableKind.Education, p.Education)), new("服務單位規模", Code(CodeTableKind.UnitSize, p.UnitSize)),
            new("產業別", Code(CodeTableKind.IndustrySection, p.IndustrySection)), new("產業別細項", Code(CodeTableKind.IndustryDivision, p.IndustryDivision)),
            new("參加培訓的動機", Code(CodeTableKind.Motivation, p.Motivation)), new("最後更新", p.UpdatedAt == default ? "" : When(p.UpdatedAt)),
        };

        var apps = await db.Applications.AsNoTracking().Include(a => a.Course).ThenInclude(c => c.Organiser)
            .Where(a => a.MemberId == userId && a.Status != ApplicationStatus.Draft).ToListAsync(ct);
        apps = apps.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList();
        var ids = apps.Select(a => a.Id).ToList();
        var history = (await db.StatusChanges.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct))
            .OrderBy(c => c.At).ThenBy(c => c.Id).ToLookup(c => c.ApplicationId);
        var responses = (await db.Questionnaires.AsNoTracking().Include(r => r.Answers).Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct))
            .ToDictionary(r => r.ApplicationId);

        var consents = new List<IReadOnlyList<DataField>>();
        if (user.PrivacyConsentVersion is not null)
            consents.Add([new("同意事項", "會員註冊：蒐集個人資料告知事項"), new("版本", user.PrivacyConsentVersion), new("同意時間", user.PrivacyConsentedAt is { } at ? When(at) : ""), new("課程", "")]);
        foreach (var a in apps.Where(a => a.ConsentedAt is not null))
        {
            if (a.PrivacyConsentVersion is { } privacy)
                consents.Add([new("同意事項", "學員選課：蒐集個人資料告知事項暨個人資料同意書"), new("版本", privacy), new("同意時間", When(a.ConsentedAt!.Value)), new("課程", a.Course.Name)]);
            if (a.AffidavitVersion is { } affidavit)
                consents.Add([new("同意事項", "參訓學員須知暨切結書"), new("版本", affidavit), new("同意時間", When(a.ConsentedAt!.Value)), new("課程", a.Course.Name)]);
        }

        var applications = apps.Select(a => new ApplicationCopy(
            [
                new("申請編號", a.Id.ToString()), new("課程名稱", a.Course.Name), new("開課單位", a.Course.Organiser.Name),
                new("開課日期", Taipei.Format(a.Course.StartDate)), new("結束日期", Taipei.Format(a.Course.EndDate)),
                new("申請狀態", a.Status.Label()), new("政府補助(元)", a.Subsidy.ToString()), new("補助年度", a.CapYear.ToString()),
                new("申請時間", a.SubmittedAt is { } s ? When(s) : When(a.CreatedAt)), new("未通過原因", a.RejectionReason ?? ""),
                new("出席時數", a.MinutesAttended is { } m ? $"{m / 60.0:0.#}小時" : ""), new("測驗", a.TestPassed switch { true => "通過", false => "未通過", _ => "" }),
                new("結訓證書核發日", a.CertificateIssuedOn is { } c ? Taipei.Format(c) : ""), new("撥款日", a.DisbursedOn is { } d ? Taipei.Format(d) : ""),
            ],
            history[a.Id].Select(h => (IReadOnlyList<DataField>)
            [
                new("申請編號", a.Id.ToString()), new("時間", When(h.At)), new("原狀態", h.From?.Label() ?? ""), new("新狀態", h.To.Label()),
                new("處理者", h.ActorName), new("說明", h.Reason ?? ""),
            ]).ToList(),
            responses.TryGetValue(a.Id, out var response)
                ? Questionnaire.Questions.Select(q => (IReadOnlyList<DataField>)
                    [new("申請編號", a.Id.ToString()), new("題目", q.Text), new("回答", AnswerText(q, response.Answers.FirstOrDefault(x => x.QuestionKey == q.Key)))]).ToList()
                : [])).ToList();

        var credits = (await db.LearningCredits.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct)).OrderBy(c => c.SubmittedAt)
            .Select(c => (IReadOnlyList<DataField>)
            [
                new("來源", LearningCredit.SourceText(c.Source)), new("名稱", c.Title), new("積分", c.Points.ToString()),
                new("狀態", LearningCredit.StatusText(c.Status)), new("送出時間", When(c.SubmittedAt)),
                new("審核時間", c.ReviewedAt is { } r ? When(r) : ""), new("審核說明", c.ReviewNote ?? ""), new("證明文件", c.ProofOriginalName ?? ""),
            ]).ToList();

        var requests = (await db.PrivacyRequests.AsNoTracking().Where(r => r.MemberId == userId).ToListAsync(ct)).OrderBy(r => r.Id)
            .Select(r => (IReadOnlyList<DataField>)
            [
                new("請求編號", r.Id.ToString()), new("請求項目", r.Kind.Label()), new("內容", r.Details ?? ""), new("提出時間", When(r.ReceivedAt)),
                new("處理期限", Taipei.Format(r.DueOn)), new("延長原因", r.ExtensionReason ?? ""), new("狀態", r.State.Label()), new("處理說明", r.Answer ?? ""),
            ]).ToList();

        return new PersonalDataCopy(account, basic, consents, applications, credits, requests);
    }

    /// <summary>The file names of the downloads: 我的個人資料_yyyyMMdd.json / .xlsx.</summary>
    public string FileName(string extension) => $"我的個人資料_{clock.Today():yyyyMMdd}.{extension}";

    private static string AnswerText(Question q, QuestionnaireAnswer? a) =>
        a is null ? ""
        : q.Kind == QuestionKind.Rating && a.Rating is { } r && (q.Scale ?? RatingScale.Satisfaction).Choices.FirstOrDefault(c => c.Rating == r).Label is { } label ? label
        : a.Text ?? "";

    private static string YesNo(bool value) => value ? "是" : "否";

    private static string When(DateTimeOffset at) => Taipei.Format(at);
}
