using AiGO.Domain.Common;

namespace AiGO.Domain.Office;

/// <summary>The programme office's desk (管理中心): who may read its boards and act on members.</summary>
public static class OfficeAccess
{
    /// <summary>申請看板, the queues and every read of the office's desk.</summary>
    public static readonly Permission<Actor> Desk =
        new("office.desk", (a, _) => a.IsOffice, "只有計畫辦公室可以使用管理中心");

    /// <summary>Acting on a member (a learning-credit review, a sanction): the office only.</summary>
    public static readonly Permission<string> Member =
        new("office.member", (a, _) => a.IsOffice, "只有計畫辦公室可以處理會員的資格");

    /// <summary>代碼維護: reading and editing the code tables.</summary>
    public static readonly Permission<Actor> Codes =
        new("office.codes", (a, _) => a.IsOffice, "只有計畫辦公室可以維護代碼");

    /// <summary>報表: the programme's figures and their export.</summary>
    public static readonly Permission<Actor> Reports =
        new("office.reports", (a, _) => a.IsOffice, "只有計畫辦公室可以查看報表");
}
