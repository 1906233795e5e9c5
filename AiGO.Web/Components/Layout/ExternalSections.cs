namespace AiGO.Web.Components.Layout;

/// <summary>Parts of the AiGO website that this system does not serve; the menu sends them to one page that says so.</summary>
public static class ExternalSections
{
    public sealed record Section(string Key, string Title, string PublicUrl);

    public static readonly IReadOnlyList<Section> All =
    [
        new("about", "關於AiGO", "https://aigo.org.tw/zh-TW/about"),
        new("contest", "解題競賽", "https://aigo.org.tw/zh-TW/competitions"),
        new("online-courses", "線上自學課程", "https://aigo.org.tw/zh-TW/courses/online"),
        new("tech", "技術專區", "https://aigo.org.tw/zh-TW/tech"),
        new("highschool", "高中生AI", "https://aigo.org.tw/zh-TW/highschool"),
        new("aihub", "AI HUB", "https://aigo.org.tw/zh-TW/aihub"),
        new("other", "其他資訊", "https://aigo.org.tw/"),
        new("contact", "聯絡我們", "https://aigo.org.tw/zh-TW/contact"),
        new("open-data", "政府網站資料開放宣告", "https://aigo.org.tw/zh-TW/open-data"),
    ];

    public static Section? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    public static string Href(string key) => $"external/{key}";
}
