namespace AiGO.Domain.Common;

/// <summary>The code tables the forms and the Excel import use (SPEC §10).</summary>
public enum CodeTableKind { IdentityType, Gender, Residence, JobLevel, SpecialIdentity, Education, UnitSize, Motivation, IndustrySection, IndustryDivision }

/// <summary>One seeded code: a division's ParentCode is its section letter.</summary>
public sealed record CodeSeed(CodeTableKind Table, string Code, string Name, string? ParentCode = null);

/// <remarks>
/// Industry sections and divisions follow 行政院主計總處《行業統計分類》第11次修正 (2021, 110年1月),
/// except the name of section J, which keeps the app's spec name 資訊及通訊傳播業
/// (the 11th revision calls it 出版影音及資通訊業).
/// In the 11th revision section G has only two divisions, coded 45-46 批發業 and 47-48 零售業;
/// they are seeded under the codes 45 and 47, so a 46xx or 48xx class belongs to 45 or 47.
/// </remarks>
public static class CodeTableSeed
{
    public static IReadOnlyList<CodeSeed> All { get; } =
    [
        // 身分別
        new(CodeTableKind.IdentityType, "1", "企業"),
        new(CodeTableKind.IdentityType, "2", "個人工作者"),
        new(CodeTableKind.IdentityType, "3", "學生"),
        new(CodeTableKind.IdentityType, "4", "待業者"),

        // 性別
        new(CodeTableKind.Gender, "1", "男"),
        new(CodeTableKind.Gender, "0", "女"),

        // 在台居住地
        new(CodeTableKind.Residence, "01", "臺北市"),
        new(CodeTableKind.Residence, "02", "新北市"),
        new(CodeTableKind.Residence, "03", "桃園市"),
        new(CodeTableKind.Residence, "04", "臺中市"),
        new(CodeTableKind.Residence, "05", "臺南市"),
        new(CodeTableKind.Residence, "06", "高雄市"),
        new(CodeTableKind.Residence, "07", "基隆市"),
        new(CodeTableKind.Residence, "08", "新竹市"),
        new(CodeTableKind.Residence, "09", "嘉義市"),
        new(CodeTableKind.Residence, "10", "新竹縣"),
        new(CodeTableKind.Residence, "11", "苗栗縣"),
        new(CodeTableKind.Residence, "12", "彰化縣"),
        new(CodeTableKind.Residence, "13", "南投縣"),
        new(CodeTableKind.Residence, "14", "雲林縣"),
        new(CodeTableKind.Residence, "15", "嘉義縣"),
        new(CodeTableKind.Residence, "16", "屏東縣"),
        new(CodeTableKind.Residence, "17", "宜蘭縣"),
        new(CodeTableKind.Residence, "18", "花蓮縣"),
        new(CodeTableKind.Residence, "19", "臺東縣"),
        new(CodeTableKind.Residence, "20", "澎湖縣"),
        new(CodeTableKind.Residence, "21", "金門縣"),
        new(CodeTableKind.Residence, "22", "連江縣"),
        new(CodeTableKind.Residence, "99", "海外"),

        // 職級
        new(CodeTableKind.JobLevel, "1", "一般職員"),
        new(CodeTableKind.JobLevel, "2", "基層主管"),
        new(CodeTableKind.JobLevel, "3", "中階主管"),
        new(CodeTableKind.JobLevel, "4", "高階主管"),
        new(CodeTableKind.JobLevel, "5", "負責人"),

        // 特殊身份
        new(CodeTableKind.SpecialIdentity, "0", "無"),
        new(CodeTableKind.SpecialIdentity, "1", "原住民"),
        new(CodeTableKind.SpecialIdentity, "2", "身心障礙者"),
        new(CodeTableKind.SpecialIdentity, "3", "中高齡者(45歲以上)"),
        new(CodeTableKind.SpecialIdentity, "4", "低收入戶或中低收入戶"),
        new(CodeTableKind.SpecialIdentity, "5", "新住民"),
        new(CodeTableKind.SpecialIdentity, "6", "二度就業婦女"),

        // 最高學歷
        new(CodeTableKind.Education, "1", "國中(含)以下"),
        new(CodeTableKind.Education, "2", "高中職"),
        new(CodeTableKind.Education, "3", "專科"),
        new(CodeTableKind.Education, "4", "大學"),
        new(CodeTableKind.Education, "5", "碩士"),
        new(CodeTableKind.Education, "6", "博士"),

        // 服務單位規模
        new(CodeTableKind.UnitSize, "1", "1~49人"),
        new(CodeTableKind.UnitSize, "2", "50~99人"),
        new(CodeTableKind.UnitSize, "3", "100~199人"),
        new(CodeTableKind.UnitSize, "4", "200~499人"),
        new(CodeTableKind.UnitSize, "5", "500人以上"),

        // 培訓動機
        new(CodeTableKind.Motivation, "1", "公司目前工作需要"),
        new(CodeTableKind.Motivation, "2", "未來工作需要"),
        new(CodeTableKind.Motivation, "3", "轉換跑道"),
        new(CodeTableKind.Motivation, "4", "自我充實"),
        new(CodeTableKind.Motivation, "5", "取得證照"),
        new(CodeTableKind.Motivation, "6", "其他"),

        // 行業大類 (行業統計分類第11次修正)
        Section("A", "農、林、漁、牧業"),
        Section("B", "礦業及土石採取業"),
        Section("C", "製造業"),
        Section("D", "電力及燃氣供應業"),
        Section("E", "用水供應及污染整治業"),
        Section("F", "營建工程業"),
        Section("G", "批發及零售業"),
        Section("H", "運輸及倉儲業"),
        Section("I", "住宿及餐飲業"),
        Section("J", "資訊及通訊傳播業"), // spec name; 11th revision: 出版影音及資通訊業
        Section("K", "金融及保險業"),
        Section("L", "不動產業"),
        Section("M", "專業、科學及技術服務業"),
        Section("N", "支援服務業"),
        Section("O", "公共行政及國防；強制性社會安全"),
        Section("P", "教育業"),
        Section("Q", "醫療保健及社會工作服務業"),
        Section("R", "藝術、娛樂及休閒服務業"),
        Section("S", "其他服務業"),

        // 行業中類 (行業統計分類第11次修正)
        Division("A", "01", "農、牧業"),
        Division("A", "02", "林業"),
        Division("A", "03", "漁業"),

        Division("B", "05", "石油及天然氣礦業"),
        Division("B", "06", "砂、石採取及其他礦業"),

        Division("C", "08", "食品及飼品製造業"),
        Division("C", "09", "飲料製造業"),
        Division("C", "10", "菸草製造業"),
        Division("C", "11", "紡織業"),
        Division("C", "12", "成衣及服飾品製造業"),
        Division("C", "13", "皮革、毛皮及其製品製造業"),
        Division("C", "14", "木竹製品製造業"),
        Division("C", "15", "紙漿、紙及紙製品製造業"),
        Division("C", "16", "印刷及資料儲存媒體複製業"),
        Division("C", "17", "石油及煤製品製造業"),
        Division("C", "18", "化學材料及肥料製造業"),
        Division("C", "19", "其他化學製品製造業"),
        Division("C", "20", "藥品及醫用化學製品製造業"),
        Division("C", "21", "橡膠製品製造業"),
        Division("C", "22", "塑膠製品製造業"),
        Division("C", "23", "非金屬礦物製品製造業"),
        Division("C", "24", "基本金屬製造業"),
        Division("C", "25", "金屬製品製造業"),
        Division("C", "26", "電子零組件製造業"),
        Division("C", "27", "電腦、電子產品及光學製品製造業"),
        Division("C", "28", "電力設備及配備製造業"),
        Division("C", "29", "機械設備製造業"),
        Division("C", "30", "汽車及其零件製造業"),
        Division("C", "31", "其他運輸工具及其零件製造業"),
        Division("C", "32", "家具製造業"),
        Division("C", "33", "其他製造業"),
        Division("C", "34", "產業用機械設備維修及安裝業"),

        Division("D", "35", "電力及燃氣供應業"),

        Division("E", "36", "用水供應業"),
        Division("E", "37", "廢水及污水處理業"),
        Division("E", "38", "廢棄物清除、處理及資源物回收處理業"),
        Division("E", "39", "污染整治業"),

        Division("F", "41", "建築工程業"),
        Division("F", "42", "土木工程業"),
        Division("F", "43", "專門營造業"),

        Division("G", "45", "批發業"), // official code 45-46
        Division("G", "47", "零售業"), // official code 47-48

        Division("H", "49", "陸上運輸業"),
        Division("H", "50", "水上運輸業"),
        Division("H", "51", "航空運輸業"),
        Division("H", "52", "運輸輔助業"),
        Division("H", "53", "倉儲業"),
        Division("H", "54", "郵政及遞送服務業"),

        Division("I", "55", "住宿業"),
        Division("I", "56", "餐飲業"),

        Division("J", "58", "出版業"),
        Division("J", "59", "影片及電視節目業；聲音錄製及音樂發行業"),
        Division("J", "60", "廣播、電視節目編排及傳播業"),
        Division("J", "61", "電信業"),
        Division("J", "62", "電腦程式設計、諮詢及相關服務業"),
        Division("J", "63", "資訊服務業"),

        Division("K", "64", "金融服務業"),
        Division("K", "65", "保險業"),
        Division("K", "66", "證券期貨及金融輔助業"),

        Division("L", "67", "不動產開發業"),
        Division("L", "68", "不動產經營及相關服務業"),

        Division("M", "69", "法律及會計服務業"),
        Division("M", "70", "企業總管理機構及管理顧問業"),
        Division("M", "71", "建築、工程服務及技術檢測、分析服務業"),
        Division("M", "72", "研究發展服務業"),
        Division("M", "73", "廣告業及市場研究業"),
        Division("M", "74", "專門設計業"),
        Division("M", "75", "獸醫業"),
        Division("M", "76", "其他專業、科學及技術服務業"),

        Division("N", "77", "租賃業"),
        Division("N", "78", "人力仲介及供應業"),
        Division("N", "79", "旅行及其他相關服務業"),
        Division("N", "80", "保全及偵探業"),
        Division("N", "81", "建築物及綠化服務業"),
        Division("N", "82", "行政支援服務業"),

        Division("O", "83", "公共行政及國防；強制性社會安全"),
        Division("O", "84", "國際組織及外國機構"),

        Division("P", "85", "教育業"),

        Division("Q", "86", "醫療保健業"),
        Division("Q", "87", "居住型照顧服務業"),
        Division("Q", "88", "其他社會工作服務業"),

        Division("R", "90", "創作及藝術表演業"),
        Division("R", "91", "圖書館、檔案保存、博物館及類似機構"),
        Division("R", "92", "博弈業"),
        Division("R", "93", "運動、娛樂及休閒服務業"),

        Division("S", "94", "宗教、職業及類似組織"),
        Division("S", "95", "個人及家庭用品維修業"),
        Division("S", "96", "未分類其他服務業"),
    ];

    private static CodeSeed Section(string letter, string name) =>
        new(CodeTableKind.IndustrySection, letter, name);

    private static CodeSeed Division(string section, string code, string name) =>
        new(CodeTableKind.IndustryDivision, code, name, section);
}
