using AiGO.Domain.Common;
using AiGO.Domain.Office;

namespace AiGO.Web.Office;

/// <summary>稽核紀錄's filter in a query string and back, shared by the page, its pager and the export link.</summary>
public static class AuditQueryString
{
    public static AuditFilter Parse(string? who, string? action, string? type, string? id, string? from, string? to, int? page) => new(
        Blank(who), Blank(action), Blank(type), Blank(id),
        DateOnly.TryParse(from, out var f) ? f : null, DateOnly.TryParse(to, out var t) ? t : null, Math.Max(1, page ?? 1));

    public static string Href(string path, AuditFilter f)
    {
        var query = new List<string>();
        void Add(string key, string? value) { if (value is { Length: > 0 }) query.Add($"{key}={Uri.EscapeDataString(value)}"); }
        Add("who", f.Who);
        Add("action", f.Action);
        Add("type", f.EntityType);
        Add("id", f.EntityId);
        Add("from", f.From is { } from ? Taipei.Format(from) : null);
        Add("to", f.To is { } to ? Taipei.Format(to) : null);
        if (f.Page > 1) Add("page", f.Page.ToString());
        return path + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
