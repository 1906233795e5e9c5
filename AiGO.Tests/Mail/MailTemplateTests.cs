using AiGO.Domain.Mail;
using AiGO.Web.Mail;

namespace AiGO.Tests.Mail;

public class MailTemplateTests
{
    private readonly MailTemplates _templates = new(new ProgrammeOfficeOptions { SiteUrl = "https://training.example.tw/" });

    [Fact]
    public void The_welcome_mail_has_the_manuals_words_in_both_parts()
    {
        var mail = _templates.Welcome("陳志堅");

        Assert.Equal("歡迎加入AIGO", mail.Subject);
        foreach (var part in new[] { mail.Text, mail.Html })
        {
            Assert.Contains("陳志堅您好，歡迎加入 AIGO!", part);
            Assert.Contains("登入後點擊右上角您的姓名，從下拉式選單進入「帳號管理」。", part);
            Assert.Contains("【參加培訓課程補助】", part);
            Assert.Contains("請先至培訓課程填寫申請表單並完成一門線上自學課程或上傳學習積分，經審核通過取得課程申請資格，方可選課，合格者通知報名與繳費", part);
            Assert.Contains("106台北市信義路三段153號11樓", part);
            Assert.Contains("Tel: (02) 6631-6513", part);
            Assert.Contains("aigo@iii.org.tw", part);
            Assert.Contains("AIGO 團隊敬上", part);
        }
        Assert.Contains("<a href=\"https://training.example.tw/courses\">申請培訓課程補助</a>", mail.Html);
        // This system has no online courses: the link goes to the official site's, never to a page that answers 404.
        Assert.Contains("<a href=\"https://aigo.org.tw/zh-TW/courses/online\">線上自學課程</a>", mail.Html);
        Assert.DoesNotContain("training.example.tw/courses/online", mail.Html);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5081", "http://127.0.0.1:5081/")]
    [InlineData("http://[::]:5081", "http://localhost:5081/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/")]
    [InlineData("http://+:5000", "http://localhost:5000/")]
    [InlineData("https://localhost:7001", "https://localhost:7001/")]
    public void Without_a_configured_site_url_mails_link_to_where_the_app_listens(string listening, string siteUrl) =>
        Assert.Equal(siteUrl, SiteAddress.Browsable(listening));

    [Fact]
    public void The_organiser_and_the_member_are_told_in_the_manuals_words_when_an_application_goes_through()
    {
        var organiser = _templates.ApplicationToOrganiser("財團法人資訊工業策進會", "陳志堅", "測試C (請勿報名)");
        Assert.Equal("已申請參加AIGO計畫課程補助《測試C (請勿報名)》已通過", organiser.Subject);
        Assert.Contains("Dear 財團法人資訊工業策進會：", organiser.Text);
        Assert.Contains("陳志堅已申請參加「測試C (請勿報名)」課程補助，請儘速協助學員完成課程報名與繳費。學員的聯絡資料請至AIGO網站登入查閱。", organiser.Text);
        Assert.Contains("AIGO計畫辦公室 敬上", organiser.Text);

        var member = _templates.ApplicationApproved("陳志堅", "測試A (請勿報名)", "https://iiiedu.org.tw", "賴秋樺", "02-66316528", "lai@iii.org.tw");
        foreach (var line in new[]
        {
            "Dear 陳志堅：", "您申請參加「測試A (請勿報名)」課程補助已通過。", "補助資格通過仍需至課程網址報名繳費",
            "請您儘速完成課程報名與繳費，課程報名網址：https://iiiedu.org.tw", "符合完訓資格方得領取培訓補助款。有任何課程問題請洽開課單位：",
            "開課單位聯絡人：賴秋樺", "開課單位聯絡電話：02-66316528", "開課單位聯絡e-mail：lai@iii.org.tw", "課程報名網址：https://iiiedu.org.tw",
        })
            Assert.Contains(line, member.Text);
        Assert.Contains("<a href=\"https://iiiedu.org.tw\">https://iiiedu.org.tw</a>", member.Html);
    }

    [Fact]
    public void A_name_with_markup_is_escaped_in_the_html_part()
    {
        var mail = _templates.Welcome("<script>x</script>");
        Assert.DoesNotContain("<script>", mail.Html);
        Assert.Contains("&lt;script&gt;", mail.Html);
    }

    [Fact]
    public async Task The_pickup_folder_keeps_each_mail_as_an_eml_that_the_dev_mailbox_reads()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aigo-pickup-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            var paths = new MailPaths(Path.Combine(folder, "mail-pickup"));
            var message = OutboxSender.ToMime(Outbox.Create("a@example.tw", "甲", _templates.Welcome("甲"), DateTimeOffset.UtcNow), new MailOptions());
            await new PickupFolderTransport(paths, new AiGO.Web.Hosting.DataFolderGuard(folder, null, TimeProvider.System)).SendAsync(message, CancellationToken.None);

            var mails = await new DevMailbox(paths).ListAsync();
            var mail = Assert.Single(mails);
            Assert.Equal("歡迎加入AIGO", mail.Subject);
            Assert.Contains("甲您好", mail.Text);
            Assert.Empty(Directory.GetFiles(paths.PickupFolder, "*.tmp"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
