namespace AiGO.Domain.Office;

/// <summary>
/// The Chinese names of the audit log's action keys and record types, as 稽核紀錄 and its export show them. A key
/// not listed here is shown as it is stored, so a new action is never hidden.
/// </summary>
public static class AuditActions
{
    public const string Export = "audit.export";
    public const string MailResend = "mail.resend";
    public const string Lockout = "account.lockout";

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["application.approve"] = "核准申請",
        ["application.reject"] = "申請未通過",
        ["application.cancel"] = "取消申請",
        ["application.enrol"] = "確認報名繳費",
        ["application.test"] = "登錄測驗結果",
        ["application.certificate"] = "核發結訓證書",
        ["application.completion"] = "結訓判定",
        ["application.disburse"] = "登錄撥款",
        ["application.questionnaire"] = "填寫問卷",
        ["course.create"] = "新增課程",
        ["course.update"] = "修改課程",
        ["course.status"] = "變更課程狀態",
        ["course.submit"] = "課程送審",
        ["course.sessions"] = "編排上課日",
        ["course.attendance"] = "登錄出席",
        ["credit.approve"] = "學習積分審核通過",
        ["credit.reject"] = "學習積分審核未通過",
        ["credit.proof-read"] = "檢視學習積分證明",
        ["member.sanction"] = "登錄處分",
        ["member.sanction-lift"] = "解除處分",
        ["nationalid.read"] = "檢視完整身分證字號",
        ["applicants.export"] = "匯出申請名單（遮罩）",
        ["applicants.export.full"] = "匯出申請名單（含完整身分證字號）",
        ["organiser.create"] = "新增開課單位",
        ["organiser.update"] = "修改開課單位",
        ["role.grant"] = "授予角色",
        ["role.revoke"] = "撤銷角色",
        [Export] = "匯出稽核紀錄",
        [MailResend] = "重新寄送郵件",
        [Lockout] = "登入失敗鎖定帳號",
        ["privacy.request"] = "提出個資請求",
        ["privacy.extend"] = "延長個資請求處理期限",
        ["privacy.complete"] = "個資請求處理完成",
        ["privacy.decline"] = "個資請求不予處理",
        ["member.delete"] = "會員刪除帳號",
        ["member.anonymise"] = "會員刪除帳號（補助紀錄去識別化保存）",
    };

    private static readonly Dictionary<string, string> EntityLabels = new()
    {
        ["Application"] = "申請",
        ["Course"] = "課程",
        ["CourseSession"] = "上課日",
        ["Member"] = "會員",
        ["LearningCredit"] = "學習積分",
        ["Sanction"] = "處分",
        ["OutboxMessage"] = "郵件",
        ["AuditLog"] = "稽核紀錄",
        ["Organiser"] = "開課單位",
        ["User"] = "帳號",
        ["PrivacyRequest"] = "個資請求",
    };

    public static string Label(string action) => Labels.GetValueOrDefault(action, action);

    public static string EntityLabel(string entityType) => EntityLabels.GetValueOrDefault(entityType, entityType);
}
