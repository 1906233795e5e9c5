using System.Net;
using System.Text;

namespace AiGO.Domain.Mail;

/// <summary>A rendered mail: both parts carry the same words.</summary>
public sealed record MailContent(string Subject, string Html, string Text);

/// <summary>The mails the system sends, in the manual's wording.</summary>
public sealed class MailTemplates(ProgrammeOfficeOptions office)
{
    /// <summary>歡迎加入AIGO — sent on registration (manual §1, 4/4).</summary>
    public MailContent Welcome(string name)
    {
        var site = office.SiteUrl.TrimEnd('/');
        var b = new Builder();
        b.Para($"{name}您好，歡迎加入 AIGO!");
        b.Para(Html: $"在這邊您可以{Link(office.OfficialSite, "申請企業解題")}、{Link(office.OnlineCoursesUrl, "線上自學課程")}與{Link(site + "/courses", "申請培訓課程補助")}，趕快登入後填寫您的基本資料吧!",
               Text: $"在這邊您可以申請企業解題、線上自學課程與申請培訓課程補助，趕快登入後填寫您的基本資料吧!\n線上自學課程：{office.OnlineCoursesUrl}\n申請培訓課程補助：{site}/courses");
        b.Para($"官方網站: {office.OfficialSite}");
        b.Para("填寫基本資料方法：登入後點擊右上角您的姓名，從下拉式選單進入「帳號管理」。");
        b.Heading("【參加培訓課程補助】");
        b.Para("請先至培訓課程填寫申請表單並完成一門線上自學課程或上傳學習積分，經審核通過取得課程申請資格，方可選課，合格者通知報名與繳費");
        Signature(b);
        return new MailContent("歡迎加入AIGO", b.Html, b.Text);
    }

    /// <summary>E-mail confirmation: the link proves the member owns the address.</summary>
    public MailContent ConfirmEmail(string name, string confirmUrl)
    {
        var b = new Builder();
        b.Para($"{name}您好：");
        b.Para("請點選以下連結完成 AIGO 會員信箱驗證，驗證後才能申請培訓課程補助：");
        b.Para(Html: Link(confirmUrl, "驗證我的信箱"), Text: confirmUrl);
        b.Para("若您沒有註冊 AIGO 會員，請忽略本信。");
        Signature(b);
        return new MailContent("AIGO 會員信箱驗證", b.Html, b.Text);
    }

    /// <summary>Forgotten password: a link to choose a new one.</summary>
    public MailContent ResetPassword(string name, string resetUrl)
    {
        var b = new Builder();
        b.Para($"{name}您好：");
        b.Para("我們收到重設 AIGO 會員密碼的申請，請點選以下連結設定新密碼：");
        b.Para(Html: Link(resetUrl, "重設密碼"), Text: resetUrl);
        b.Para("若您沒有提出申請，請忽略本信，您的密碼不會變更。");
        Signature(b);
        return new MailContent("AIGO 重設密碼", b.Html, b.Text);
    }

    /// <summary>A new 開課單位 staff account: the invitation to set its own password (nobody else ever knows it).</summary>
    public MailContent StaffInvitation(string name, string organiserName, string setPasswordUrl, int validDays)
    {
        var b = new Builder();
        b.Para($"{name}您好：");
        b.Para($"計畫辦公室已為您建立「{organiserName}」培訓中心的AIGO帳號，登入帳號為本信收件信箱。請點選以下連結設定密碼後登入：");
        b.Para(Html: Link(setPasswordUrl, "設定密碼"), Text: setPasswordUrl);
        b.Para($"連結於{validDays}天內有效；逾期請使用登入頁的「忘記密碼」重新設定。");
        Signature(b);
        return new MailContent($"AIGO培訓中心帳號邀請（{organiserName}）", b.Html, b.Text);
    }

    /// <summary>To the organiser when a member's subsidy application goes through (manual §2, 11/15).</summary>
    public MailContent ApplicationToOrganiser(string organiserName, string memberName, string courseName)
    {
        var b = new Builder();
        b.Para($"Dear {organiserName}：");
        b.Para($"{memberName}已申請參加「{courseName}」課程補助，請儘速協助學員完成課程報名與繳費。學員的聯絡資料請至AIGO網站登入查閱。");
        OfficeSignature(b);
        return new MailContent($"已申請參加AIGO計畫課程補助《{courseName}》已通過", b.Html, b.Text);
    }

    /// <summary>To the member when the subsidy application is approved (manual §2, 11/15).</summary>
    public MailContent ApplicationApproved(string memberName, string courseName, string? registrationUrl, string contactName, string contactPhone, string contactEmail) =>
        Approved(memberName, courseName, registrationUrl, contactName, contactPhone, contactEmail, promoted: false);

    /// <summary>To the member when a freed seat promotes their waitlisted (備取) application.</summary>
    public MailContent ApplicationPromoted(string memberName, string courseName, string? registrationUrl, string contactName, string contactPhone, string contactEmail) =>
        Approved(memberName, courseName, registrationUrl, contactName, contactPhone, contactEmail, promoted: true);

    private MailContent Approved(string memberName, string courseName, string? registrationUrl, string contactName, string contactPhone, string contactEmail, bool promoted)
    {
        var b = new Builder();
        var url = registrationUrl ?? "";
        b.Para($"Dear {memberName}：");
        if (promoted) b.Para($"「{courseName}」有名額釋出，系統已依備取順序重新確認您的資格。");
        b.Para($"您申請參加「{courseName}」課程補助已通過。");
        b.Para("補助資格通過仍需至課程網址報名繳費");
        b.Para(Html: $"請您儘速完成課程報名與繳費，課程報名網址：{Link(url, url)}", Text: $"請您儘速完成課程報名與繳費，課程報名網址：{url}");
        b.Para("符合完訓資格方得領取培訓補助款。有任何課程問題請洽開課單位：");
        b.Lines($"開課單位聯絡人：{contactName}", $"開課單位聯絡電話：{contactPhone}", $"開課單位聯絡e-mail：{contactEmail}", $"課程報名網址：{url}");
        OfficeSignature(b);
        return new MailContent(promoted ? $"您申請參加AIGO計畫課程補助《{courseName}》已由備取遞補通過" : $"您申請參加AIGO計畫課程補助《{courseName}》已通過", b.Html, b.Text);
    }

    /// <summary>To a waitlisted member passed over at promotion because a rule no longer holds, with what to do.</summary>
    public MailContent WaitlistPassedOver(string memberName, string courseName, IEnumerable<string> reasons)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"「{courseName}」有名額釋出，系統依備取順序重新確認資格時，您的申請因下列原因未能遞補，申請狀態已改為未通過：");
        b.Lines(reasons.ToArray());
        b.Para(Html: $"如資格問題已改善，請至{Link(MyCoursesUrl, "課程管理")}查看原因後重新申請。", Text: $"如資格問題已改善，請至課程管理（{MyCoursesUrl}）查看原因後重新申請。");
        OfficeSignature(b);
        return new MailContent($"您申請參加AIGO計畫課程補助《{courseName}》備取未能遞補", b.Html, b.Text);
    }

    /// <summary>To the member when the programme office does not approve the application, with the reason.</summary>
    public MailContent ApplicationRejected(string memberName, string courseName, string reason, bool fixable)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您申請參加「{courseName}」課程補助未通過，原因：{reason}");
        if (fixable)
            b.Para(Html: $"請至{Link(MyCoursesUrl, "課程管理")}查看原因，修正後重新申請。", Text: $"請至課程管理（{MyCoursesUrl}）查看原因，修正後重新申請。");
        OfficeSignature(b);
        return new MailContent($"您申請參加AIGO計畫課程補助《{courseName}》未通過", b.Html, b.Text);
    }

    /// <summary>To the member when the office approves an uploaded learning-credit proof.</summary>
    public MailContent CreditApproved(string memberName, string title, int points, int verifiedTotal)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您上傳的學習積分證明「{title}」已審核通過，認列{points}分；目前已審核通過的學習積分共{verifiedTotal}分。");
        b.Para(verifiedTotal >= 2 ? "您已達申請實體培訓課程補助的學習積分資格，可至實體培訓課程選課申請。" : "申請實體培訓課程補助須有2分以上已審核通過的學習積分。");
        OfficeSignature(b);
        return new MailContent("AIGO學習積分審核通過", b.Html, b.Text);
    }

    /// <summary>To the member when the office rejects an uploaded learning-credit proof, with the reason.</summary>
    public MailContent CreditRejected(string memberName, string title, string reason)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您上傳的學習積分證明「{title}」審核未通過，原因：{reason}");
        b.Para("請至帳號管理的學習積分重新上傳正確的證明文件。");
        OfficeSignature(b);
        return new MailContent("AIGO學習積分審核未通過", b.Html, b.Text);
    }

    /// <summary>To the member when the office records a sanction (處分).</summary>
    public MailContent Sanctioned(string memberName, string? courseName, DateOnly from, DateOnly until, string reason)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        if (courseName is not null) b.Para($"您參加「{courseName}」課程的政府補助已取消。");
        b.Para($"依計畫規定，自{Common.Taipei.Format(from)}起至{Common.Taipei.Format(until)}止，您不得申請課程補助。原因：{reason}");
        b.Para("如有疑問請洽計畫辦公室。");
        OfficeSignature(b);
        return new MailContent("AIGO計畫補助資格停權通知", b.Html, b.Text);
    }

    /// <summary>To the member when the office lifts a sanction early.</summary>
    public MailContent SanctionLifted(string memberName, string reason)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您的補助資格停權已解除，即日起可再申請課程補助。說明：{reason}");
        OfficeSignature(b);
        return new MailContent("AIGO計畫補助資格停權解除通知", b.Html, b.Text);
    }

    /// <summary>To the member, confirming 取消報名: the seat and the subsidy hold are released.</summary>
    public MailContent ApplicationCancelled(string memberName, string courseName, int releasedSubsidy)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您已取消申請參加「{courseName}」課程補助，原保留的政府補助額度{releasedSubsidy}元已釋出，可用於申請其他課程。");
        b.Para("若您已向開課單位報名繳費，請另洽開課單位辦理退費。");
        OfficeSignature(b);
        return new MailContent($"您已取消AIGO計畫課程補助《{courseName}》", b.Html, b.Text);
    }

    /// <summary>To the organiser when an approved trainee cancels, so they do not chase a registration that will not come.</summary>
    public MailContent CancelledToOrganiser(string organiserName, string memberName, string courseName)
    {
        var b = new Builder();
        b.Para($"Dear {organiserName}：");
        b.Para($"{memberName}已取消參加「{courseName}」課程補助申請。如有備取學員，系統已依序遞補並另行通知。");
        OfficeSignature(b);
        return new MailContent($"學員已取消AIGO計畫課程補助《{courseName}》", b.Html, b.Text);
    }

    /// <summary>To the organiser when the office rejects an application it had been asked to help register and pay.</summary>
    public MailContent RejectedToOrganiser(string organiserName, string memberName, string courseName)
    {
        var b = new Builder();
        b.Para($"Dear {organiserName}：");
        b.Para($"{memberName}參加「{courseName}」的課程補助申請經計畫辦公室審核未通過，請勿再協助該學員以補助資格報名繳費。如有備取學員，系統已依序遞補並另行通知。");
        OfficeSignature(b);
        return new MailContent($"學員課程補助申請未通過《{courseName}》", b.Html, b.Text);
    }

    /// <summary>To the member when the application is waitlisted (備取), with the place in line.</summary>
    public MailContent ApplicationWaitlisted(string memberName, string courseName, int position)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您申請參加「{courseName}」課程補助已受理，因名額已滿，目前為備取第{position}位。");
        b.Para("有名額釋出時，系統將依申請順序重新確認資格後遞補，並以電子郵件通知您。");
        OfficeSignature(b);
        return new MailContent($"您申請參加AIGO計畫課程補助《{courseName}》為備取第{position}位", b.Html, b.Text);
    }

    /// <summary>To the member when manual review is on: received, waiting for the programme office.</summary>
    public MailContent ApplicationReceived(string memberName, string courseName)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您申請參加「{courseName}」課程補助已受理，計畫辦公室審核後將以電子郵件通知您結果。");
        OfficeSignature(b);
        return new MailContent($"您申請參加AIGO計畫課程補助《{courseName}》已受理", b.Html, b.Text);
    }

    /// <summary>
    /// To the trainee, once, when the sessions left can no longer bring their attendance to 80%: they learn it while
    /// they can still talk to the organiser, not at the end.
    /// </summary>
    public MailContent AttendanceOutOfReach(string memberName, string courseName, string attendedHours, string heldHours, string requiredHours, int courseHours)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您參加「{courseName}」課程目前已上課{heldHours}小時、出席{attendedHours}小時。全程{courseHours}小時須出席{requiredHours}小時以上（80%），即使出席其餘所有課程也無法達到，將無法結訓並取得補助。");
        b.Para("如出席紀錄有誤，請儘速與開課單位聯絡更正。出席情形可至課程管理查看：");
        b.Lines(MyCoursesUrl);
        OfficeSignature(b);
        return new MailContent($"您參加AIGO計畫課程《{courseName}》的出席時數已無法達到結訓標準", b.Html, b.Text);
    }

    private string PersonalDataUrl => office.SiteUrl.TrimEnd('/') + "/Account/Manage/PersonalData";

    /// <summary>To the member: the office has received a personal-data request, and by when it must answer (個資法第13條).</summary>
    public MailContent PrivacyRequestReceived(string memberName, string kind, int number, DateOnly dueOn)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"計畫辦公室已收到您的個資請求（第{number}號：{kind}），將於{Common.Taipei.Format(dueOn)}前回覆您。");
        b.Para(Link(PersonalDataUrl, "行使個資權利") + "頁面可查看處理進度。", $"行使個資權利頁面可查看處理進度：{PersonalDataUrl}");
        OfficeSignature(b);
        return new MailContent("AIGO個資請求受理通知", b.Html, b.Text);
    }

    /// <summary>To the member: the written notice of art. 13 that the period is extended once, with the reason.</summary>
    public MailContent PrivacyRequestExtended(string memberName, string kind, int number, DateOnly dueOn, string reason)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您的個資請求（第{number}號：{kind}）依個人資料保護法第13條延長處理期限一次，將於{Common.Taipei.Format(dueOn)}前回覆您。");
        b.Para($"延長原因：{reason}");
        OfficeSignature(b);
        return new MailContent("AIGO個資請求延長處理通知", b.Html, b.Text);
    }

    /// <summary>To the member: the office's answer to a personal-data request.</summary>
    public MailContent PrivacyRequestClosed(string memberName, string kind, int number, string state, string answer)
    {
        var b = new Builder();
        b.Para($"Dear {memberName}：");
        b.Para($"您的個資請求（第{number}號：{kind}）處理結果：{state}。");
        b.Para($"說明：{answer}");
        OfficeSignature(b);
        return new MailContent($"AIGO個資請求處理結果：{state}", b.Html, b.Text);
    }

    private string MyCoursesUrl => office.SiteUrl.TrimEnd('/') + "/my/courses";

    private void OfficeSignature(Builder b)
    {
        b.Para("AIGO計畫辦公室 敬上");
        b.Lines($"AIGO網站：{office.OfficialSite}");
    }

    private void Signature(Builder b)
    {
        b.Para("AIGO 團隊敬上");
        b.Lines(office.Name, office.Address, $"Tel: {office.Phone}", $"E-mail: {office.Email}", $"官方網站: {office.OfficialSite}");
    }

    private static string Link(string url, string text) => $"<a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(text)}</a>";

    /// <summary>Writes the HTML and text parts side by side so they cannot drift apart.</summary>
    private sealed class Builder
    {
        private readonly StringBuilder _html = new("<div style=\"font-family:sans-serif;line-height:1.6\">");
        private readonly StringBuilder _text = new();

        public void Para(string text) => Para(WebUtility.HtmlEncode(text), text);

        public void Para(string Html, string Text)
        {
            _html.Append("<p>").Append(Html).Append("</p>");
            _text.Append(Text).Append("\n\n");
        }

        public void Heading(string text)
        {
            _html.Append("<h3>").Append(WebUtility.HtmlEncode(text)).Append("</h3>");
            _text.Append(text).Append('\n');
        }

        public void Lines(params string[] lines)
        {
            _html.Append("<p>").Append(string.Join("<br>", lines.Select(WebUtility.HtmlEncode))).Append("</p>");
            _text.Append(string.Join('\n', lines)).Append('\n');
        }

        public string Html => _html + "</div>";
        public string Text => _text.ToString().TrimEnd() + "\n";
    }
}
