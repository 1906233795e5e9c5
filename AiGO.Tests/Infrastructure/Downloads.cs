using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace AiGO.Tests.Infrastructure;

/// <summary>Excel downloads in browser tests, read back as the user would see their cells.</summary>
public static class Downloads
{
    /// <summary>Clicks, saves the .xlsx download and reads its sheet back as rows of cell texts.</summary>
    public static async Task<List<string[]>> DownloadWorkbookAsync(this IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
