namespace AiGO.Domain.Mail;

/// <summary>The programme office's signature and public links, from configuration (<c>ProgrammeOffice</c>).</summary>
public sealed class ProgrammeOfficeOptions
{
    public string Name { get; set; } = "AIGO 智慧應用人才培育計畫辦公室";
    public string Address { get; set; } = "106台北市信義路三段153號11樓";
    public string Phone { get; set; } = "(02) 6631-6513";
    public string Email { get; set; } = "aigo@iii.org.tw";
    public string OfficialSite { get; set; } = "https://aigo.org.tw/";
    /// <summary>The official site's 線上自學課程, where the welcome mail sends a new member (this system has no such page).</summary>
    public string OnlineCoursesUrl { get; set; } = "https://aigo.org.tw/zh-TW/courses/online";
    /// <summary>This system's own address, for links in mails. Unset in Development, it is the address the app listens on.</summary>
    public string SiteUrl { get; set; } = "http://localhost:5000/";
}
