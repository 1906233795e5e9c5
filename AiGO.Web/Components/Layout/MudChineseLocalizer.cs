using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AiGO.Web.Components.Layout;

/// <summary>
/// MudBlazor's own words (a date picker's button, a close icon, a pager) in the site's Chinese, whatever culture the
/// server runs under. A key not listed here keeps MudBlazor's English.
/// </summary>
public sealed class MudChineseLocalizer : MudLocalizer
{
    private static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>
    {
        ["MudBaseDatePicker_Open"] = "開啟日曆",
        ["MudBaseDatePicker_PrevMonth"] = "上個月",
        ["MudBaseDatePicker_NextMonth"] = "下個月",
        ["MudBaseDatePicker_PrevYear"] = "前一年",
        ["MudBaseDatePicker_NextYear"] = "下一年",
        ["MudDateRangePicker_Start"] = "開始日期",
        ["MudDateRangePicker_End"] = "結束日期",
        ["MudTimePicker_Open"] = "開啟時間選擇",
        ["MudInput_Clear"] = "清除",
        ["MudInput_Increment"] = "增加",
        ["MudInput_Decrement"] = "減少",
        ["MudAlert_Close"] = "關閉",
        ["MudChip_Close"] = "移除",
        ["MudDialog_Close"] = "關閉",
        ["MudSnackbar_Close"] = "關閉",
        ["MudNavGroup_ToggleExpand"] = "展開或收合",
        ["MudBreadcrumbs_Label"] = "導覽路徑",
        ["MudFormComponent_Required"] = "必填",
        ["MudSelect_SelectAll"] = "全選",
        ["MudStepper_Next"] = "下一步",
        ["MudStepper_Previous"] = "上一步",
        ["MudStepper_Complete"] = "完成",
        ["MudStepper_Skip"] = "略過",
        ["MudStepper_Reset"] = "重新開始",
        ["MudTable_Loading"] = "載入中",
        ["MudTable_SelectAllRows"] = "全選",
        ["MudTable_SelectRow"] = "選取此列",
        ["MudTablePager_FirstPage"] = "第一頁",
        ["MudTablePager_PreviousPage"] = "上一頁",
        ["MudTablePager_NextPage"] = "下一頁",
        ["MudTablePager_LastPage"] = "最後一頁",
        ["MudDataGrid_Loading"] = "載入中",
        ["MudDataGrid_SelectAllRows"] = "全選",
        ["MudDataGrid_SelectRow"] = "選取此列",
        ["MudDataGrid_Sort"] = "排序",
        ["MudDataGrid_Unsort"] = "取消排序",
        ["MudDataGrid_Filter"] = "篩選",
        ["MudDataGrid_Save"] = "儲存",
        ["MudDataGrid_Cancel"] = "取消",
        ["MudDataGrid_Apply"] = "套用",
        ["MudDataGrid_Clear"] = "清除",
        ["MudDataGridPager_FirstPage"] = "第一頁",
        ["MudDataGridPager_PreviousPage"] = "上一頁",
        ["MudDataGridPager_NextPage"] = "下一頁",
        ["MudDataGridPager_LastPage"] = "最後一頁",
        ["MudDataGridPager_RowsPerPage"] = "每頁筆數：",
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudPagination_FirstPage"] = "第一頁",
        ["MudPagination_PreviousPage"] = "上一頁",
        ["MudPagination_NextPage"] = "下一頁",
        ["MudPagination_LastPage"] = "最後一頁",
    };

    public override LocalizedString this[string key] =>
        Words.TryGetValue(key, out var word) ? new(key, word) : new(key, key, resourceNotFound: true);
}

/// <summary>Asks <see cref="MudChineseLocalizer"/> first under every culture; MudBlazor's English is the fallback.</summary>
public sealed class ChineseFirstLocalizationInterceptor(ILoggerFactory loggerFactory, MudLocalizer localizer)
    : DefaultLocalizationInterceptor(loggerFactory, localizer)
{
    public override LocalizedString Handle(string key, params object[] arguments)
    {
        var word = MudLocalizer![key];
        return word.ResourceNotFound ? base.Handle(key, arguments) : word;
    }
}
