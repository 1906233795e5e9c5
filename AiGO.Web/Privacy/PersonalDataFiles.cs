using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static AiGO.Web.Excel.XlsxCells;

namespace AiGO.Web.Privacy;

/// <summary>The member's copy as a file: JSON (each application with its history and answers inside it) or an .xlsx, one sheet per kind.</summary>
public static class PersonalDataFiles
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToJson(PersonalDataCopy copy)
    {
        static JsonObject Object(IEnumerable<DataField> fields)
        {
            var o = new JsonObject();
            foreach (var f in fields) o[f.Label] = f.Value;
            return o;
        }
        static JsonArray Array(IEnumerable<IReadOnlyList<DataField>> rows) => new(rows.Select(r => (JsonNode)Object(r)).ToArray());

        var root = new JsonObject
        {
            ["帳號"] = Object(copy.Account),
            ["基本資料"] = Object(copy.Profile),
            ["同意紀錄"] = Array(copy.Consents),
            ["課程申請"] = new JsonArray(copy.Applications.Select(a =>
            {
                var o = Object(a.Fields);
                o["狀態歷程"] = Array(a.History.Select(h => h.Skip(1).ToList()));
                o["問卷回答"] = Array(a.Answers.Select(x => x.Skip(1).ToList()));
                return (JsonNode)o;
            }).ToArray()),
            ["學習積分"] = Array(copy.Credits),
            ["個資請求"] = Array(copy.Requests),
        };
        return JsonSerializer.SerializeToUtf8Bytes(root, Json);
    }

    public static void ToXlsx(Stream output, PersonalDataCopy copy)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new Sheets();
        workbook.Workbook = new Workbook(sheets);
        uint id = 0;

        void Sheet(string name, IReadOnlyList<string> headers, IEnumerable<IEnumerable<string>> rows)
        {
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = ++id, Name = name });
            using var writer = OpenXmlWriter.Create(worksheet);
            writer.WriteStartElement(new Worksheet());
            WriteColumns(writer, headers.Select(h => Math.Max(12.0, h.Length * 2.5)).ToList());
            writer.WriteStartElement(new SheetData());
            uint row = 0;
            writer.WriteStartElement(new Row { RowIndex = ++row });
            foreach (var h in headers) writer.WriteElement(Text(h, AiGO.Web.Excel.XlsxCells.Header));
            writer.WriteEndElement();
            foreach (var cells in rows)
            {
                writer.WriteStartElement(new Row { RowIndex = ++row });
                foreach (var value in cells) writer.WriteElement(TextCell(value));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        void Pairs(string name, IReadOnlyList<DataField> fields) => Sheet(name, ["項目", "內容"], fields.Select(f => new[] { f.Label, f.Value }));

        void Table(string name, IReadOnlyList<IReadOnlyList<DataField>> rows, IReadOnlyList<string> headers) =>
            Sheet(name, rows.Count > 0 ? rows[0].Select(f => f.Label).ToList() : headers, rows.Select(r => r.Select(f => f.Value)));

        Pairs("帳號", copy.Account);
        Pairs("基本資料", copy.Profile);
        Table("同意紀錄", copy.Consents, ["同意事項", "版本", "同意時間", "課程"]);
        Table("課程申請", copy.Applications.Select(a => a.Fields).ToList(), ["申請編號", "課程名稱", "申請狀態"]);
        Table("狀態歷程", copy.Applications.SelectMany(a => a.History).ToList(), ["申請編號", "時間", "原狀態", "新狀態", "處理者", "說明"]);
        Table("問卷回答", copy.Applications.SelectMany(a => a.Answers).ToList(), ["申請編號", "題目", "回答"]);
        Table("學習積分", copy.Credits, ["來源", "名稱", "積分", "狀態", "送出時間"]);
        Table("個資請求", copy.Requests, ["請求編號", "請求項目", "內容", "提出時間", "處理期限", "狀態"]);
    }
}
