using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace AiGO.Tests.Infrastructure;

/// <summary>Excel downloads in browser tests, read back as the user would see their cells.</summary>
public static class Downloads
{
    /// <summary>Clicks and returns the downloaded .xlsx as bytes (to fill it in and upload it again).</summary>
    public static async Task<byte[]> DownloadBytesAsync(this IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try { return await File.ReadAllBytesAsync(path); }
        finally { File.Delete(path); }
    }

    /// <summary>Clicks, saves the .xlsx download and reads its (first) sheet back as rows of cell texts.</summary>
    public static async Task<List<string[]>> DownloadWorkbookAsync(this IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var workbook = document.WorkbookPart!;
            var sheet = ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
            return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
