using AiGO.Domain.Catalogue;
using AiGO.Domain.Organisers;

namespace AiGO.Domain.Data;

/// <summary>
/// Demo data (SPEC §11): the three organisers of the user manual and about thirty AI training courses.
/// Course dates are relative to a given day, so the catalogue always has future courses.
/// Every person, phone number, e-mail address and URL here is fictional.
/// </summary>
public static class DemoCourses
{
    public const string Ctbc = "中信金融管理學院";
    public const string Teca = "社團法人台灣電子連接產業協會";
    public const string Iii = "財團法人資訊工業策進會";

    /// <summary>預計招生人數 of 邊緣運算AI模型部署實務: the demo's classmates take every seat.</summary>
    public const int EdgeAiSeats = 6;

    private const string CtbcTainan = "(台南市安南區台江大道三段600號)";
    private const string ItriChutung = "(新竹縣竹東鎮中興路四段195號)";
    private const string TaichungIndustrialPark = "臺中工業區服務中心2樓研習教室(臺中市西屯區工業區一路100號)";
    private const string IiiTaipei = "(臺北市大安區復興南路一段390號3樓)";
    private const string IiiTaichung = "(臺中市南屯區公益路二段51號)";

    private sealed record Contact(string Name, string Phone, string Email);

    /// <summary>An organiser's contacts (the first is the organiser's own contact), payment methods and registration site.</summary>
    private sealed record Profile(string Organiser, Contact[] Contacts, string PaymentMethod, string RegistrationUrl, int FirstCourseNo);

    private static readonly Profile[] Profiles =
    [
        new(Ctbc,
            [
                new("陳怡君", "06-2873335", "yichun.chen@ctbc.example.tw"),
                new("蔡孟哲", "06-2873342", "mengche.tsai@ctbc.example.tw"),
            ],
            "信用卡、ATM轉帳", "https://aigo.ctbc.example.tw/course/", 3101),
        new(Teca,
            [
                new("林志豪", "03-5917264", "chihhao.lin@teca.example.tw"),
                new("周佳蓉", "03-5917268", "chiajung.chou@teca.example.tw"),
            ],
            "ATM轉帳、銀行匯款", "https://www.teca.example.tw/training/course/", 520),
        new(Iii,
            [
                new("黃詩婷", "02-66317245", "shihting.huang@iii.example.tw"),
                new("張育誠", "02-66317251", "yucheng.chang@iii.example.tw"),
                new("許雅雯", "04-23261755", "yawen.hsu@iii.example.tw"),
            ],
            "信用卡、ATM轉帳、超商代碼繳費", "https://edu.iii.example.tw/course/", 1230),
    ];

    /// <summary>The three demo organisers (name, contact name, phone, e-mail), new instances on every call.</summary>
    public static IReadOnlyList<Organiser> Organisers() =>
        Profiles.Select(p => new Organiser
        {
            Name = p.Organiser,
            BusinessNumber = p.Organiser switch { Ctbc => "28510004", Teca => "08040005", _ => "04231910" },
            ContactName = p.Contacts[0].Name,
            ContactPhone = p.Contacts[0].Phone,
            ContactEmail = p.Contacts[0].Email,
        }).ToList();

    /// <summary>
    /// About 32 courses dated relative to <paramref name="today"/>: almost all published and in the next 150 days,
    /// plus two that already ended, one draft, one testing (測試中) and one closed (已截止).
    /// </summary>
    public static IReadOnlyList<Course> Build(DateOnly today, Func<string, Organiser> organiserByName)
    {
        ArgumentNullException.ThrowIfNull(organiserByName);
        var courses = new List<Course>();
        var perOrganiser = new Dictionary<string, int>();

        // ── The two courses of the user manual ──────────────────────────────────────────────

        Add(Ctbc, "AI智慧防詐(臺南班)", Days(30, 2, "09:00-16:00"), 12,
            Dual("Microsoft Teams", "中信金融管理學院中信館六樓L1604" + CtbcTainan, "臺南市"), 10000, 30,
            "陳建宏 博士（中信金融管理學院金融科技學系）、林美惠 顧問（台灣金融研訓院特約講座）",
            ["詐騙手法演進與常見金融詐騙態樣", "AI異常交易偵測原理與特徵工程", "以機器學習建立可疑帳戶預警模型",
             "生成式AI與深偽（Deepfake）詐騙辨識", "防詐模型評估、調校與案例實作", "金融機構防詐法規與通報機制"],
            ["具備基本電腦操作能力", "對金融業務或資料分析有興趣，具Excel使用經驗尤佳"]);

        Add(Teca, "AI+大數據分析應用實務", Days(57, 2, "09:00-16:00"), 12,
            Dual("Cisco Webex", "工業技術研究院51館2C訓練教室" + ItriChutung, "新竹縣"), 8000, 30,
            "曾國華 博士（工業技術研究院資訊與通訊研究所）",
            ["大數據與AI發展趨勢及產業案例", "資料蒐集、清理與特徵工程", "機器學習模型原理與選用",
             "製造數據分析實作（品質與產能）", "資料視覺化與儀表板呈現", "AI導入規劃與效益評估"],
            ["具備基本電腦操作能力", "具備Excel資料處理或基礎程式經驗"]);

        // ── 中信金融管理學院 ─────────────────────────────────────────────────────────────────

        Add(Ctbc, "金融科技AI應用實務", Weekly(12, DayOfWeek.Saturday, 3), 18,
            OnSite("中國信託金融園區B棟3樓301教室(臺北市南港區經貿二路168號)", "臺北市"), 15000, 35,
            "張家豪 博士（政治大學金融學系）、李俊傑 資深工程師（中信金融管理學院金融科技中心）",
            ["金融科技發展趨勢與AI應用全景", "Python金融資料處理與視覺化", "AI於信用評分、行銷與客戶分群之應用",
             "智能客服與對話機器人導入案例", "開放銀行API與資料治理", "分組實作：金融AI應用提案與發表"],
            ["具備Python基礎程式能力", "從事金融相關工作或對金融業務有基本認識"]);

        Add(Ctbc, "AI信用風險評分模型實作", TwiceWeekly(20, DayOfWeek.Tuesday, DayOfWeek.Thursday, 8), 24,
            Dual("Microsoft Teams", "中信金融管理學院中信館五樓L1502" + CtbcTainan, "臺南市"), 18000, 30,
            "黃淑芬 博士（成功大學統計學系）",
            ["信用風險管理架構與評分卡概念", "資料前處理、WOE轉換與特徵篩選", "邏輯斯迴歸評分卡建模",
             "XGBoost／LightGBM信用模型實作", "模型可解釋性：SHAP與監理要求", "模型監控、校準與回溯測試"],
            ["具備Python基礎程式能力", "具備基本統計概念（迴歸分析、假設檢定）"]);

        Add(Ctbc, "生成式AI於金融客服之應用", Weekly(9, DayOfWeek.Wednesday, 4, "13:30-16:30"), 12,
            Online("Microsoft Teams"), 9000, 40,
            "吳宗翰 技術經理（智匯數據股份有限公司）",
            ["生成式AI與大型語言模型基礎", "提示工程（Prompt Engineering）技巧", "金融客服知識庫建置與檢索增強生成",
             "對話流程設計與客服機器人實作", "生成內容風險控管與個資保護"],
            ["具備基本電腦操作能力", "曾使用ChatGPT等生成式AI工具"]);

        Add(Ctbc, "反洗錢(AML)智慧監控與AI應用", Weekly(45, DayOfWeek.Saturday, 2), 12,
            OnSite("高雄國際會議中心3樓301會議室(高雄市鹽埕區中正四路274號)", "高雄市"), 12000, 25,
            "劉雅婷 博士（中山大學資訊管理學系）、蔡明哲 顧問（洗錢防制實務專家）",
            ["洗錢防制法規與國際規範（FATF）", "交易監控規則與警示分析流程", "以圖形分析偵測可疑資金網絡",
             "機器學習於可疑交易排序之應用", "案例演練：AML警示調查與報告撰寫"],
            ["從事金融、法遵或稽核相關工作", "具備Excel資料處理能力"],
            government: 5000);

        Add(Ctbc, "AI倫理與金融法規遵循", Weekly(60, DayOfWeek.Wednesday, 2, "09:00-12:00"), 6,
            Online("Microsoft Teams"), 6000, 40,
            "楊志偉 律師（科技法律事務所主持律師）",
            ["AI倫理原則與負責任AI框架", "金融業運用AI指引與監理重點", "個人資料保護法與資料去識別化",
             "演算法偏誤、公平性與可解釋性", "歐盟AI法案（AI Act）與國際趨勢", "案例研討：金融AI導入之法遵檢核"],
            ["對AI應用或法規遵循議題有興趣", "具備基本電腦操作能力"]);

        Add(Ctbc, "保險業AI理賠自動化實務", Weekly(75, DayOfWeek.Saturday, 3), 18,
            Dual("Microsoft Teams", "國立臺中科技大學中商大樓5樓教室(臺中市北區三民路三段129號)", "臺中市"), 16000, 30,
            "許文彥 博士（中興大學資訊科學與工程學系）、鄭佩珊 經理（保險科技顧問）",
            ["保險價值鏈與理賠作業流程", "OCR與文件智慧辨識（收據、診斷書）", "理賠詐欺偵測模型",
             "自然語言處理於理賠審核之應用", "RPA與AI整合之理賠自動化流程", "導入效益評估與專案實作"],
            ["具備Python基礎程式能力", "從事保險相關工作或對保險業務有基本認識"]);

        Add(Ctbc, "財務時間序列預測與量化交易", TwiceWeekly(100, DayOfWeek.Monday, DayOfWeek.Wednesday, 10), 30,
            OnSite("中信金融管理學院中信館五樓L1505" + CtbcTainan, "臺南市"), 27000, 30,
            "謝孟儒 博士（中信金融管理學院財務金融學系）",
            ["金融時間序列特性與資料取得", "ARIMA與GARCH模型", "LSTM與Transformer時間序列預測", "技術指標特徵工程",
             "量化交易策略設計與回測", "風險控管與績效評估", "期末專題：交易策略實作發表"],
            ["具備Python基礎程式能力", "具備基本統計與財務金融概念", "自備筆記型電腦"]);

        Add(Ctbc, "金融數據分析與Python實作", Weekly(-75, DayOfWeek.Saturday, 4), 24, // already ended
            OnSite("中信金融管理學院中信館六樓L1604" + CtbcTainan, "臺南市"), 16000, 30,
            "郭冠廷 講師（中信金融管理學院金融科技學系）",
            ["Python環境建置與語法基礎", "pandas金融資料處理", "Matplotlib資料視覺化",
             "財務報表與股價資料分析", "迴歸與分類模型入門", "實作：客戶流失預測"],
            ["具備基本電腦操作能力", "熟悉Excel資料處理"]);

        Add(Ctbc, "智慧理財機器人開發實務", Weekly(130, DayOfWeek.Saturday, 2), 12,
            Online("Microsoft Teams"), 10000, 30,
            "洪嘉玲 博士（臺灣科技大學財務金融研究所）",
            ["理財機器人（Robo-Advisor）發展與法規", "投資人風險屬性評估模型", "資產配置最佳化（均值-變異數模型）",
             "以機器學習進行再平衡決策", "理財機器人原型實作"],
            ["具備Python基礎程式能力", "具備投資理財基本概念"],
            status: CourseStatus.Testing);

        // ── 社團法人台灣電子連接產業協會 ─────────────────────────────────────────────────────

        Add(Teca, "AIoT智慧製造實戰", Weekly(16, DayOfWeek.Saturday, 4), 24,
            OnSite("中原大學電資大樓E201教室(桃園市中壢區中北路200號)", "桃園市"), 20000, 24,
            "周怡萱 博士（中原大學電機工程學系）、葉承恩 技術經理（智慧製造系統整合商）",
            ["AIoT架構與智慧製造應用場景", "感測器資料擷取與MQTT通訊", "工業物聯網平台與資料串流",
             "設備異常偵測模型實作", "邊緣裝置與雲端整合", "產線數位儀表板建置", "分組專題：智慧產線改善提案"],
            ["具備Python基礎程式能力", "具製造業現場或設備維護相關經驗尤佳"]);

        Add(Teca, "工業瑕疵檢測：電腦視覺與影像辨識(OpenCV)", Weekdays(25, 3, "09:00-16:00"), 18,
            Dual("Cisco Webex", "工業技術研究院51館2B訓練教室" + ItriChutung, "新竹縣"), 18000, 30,
            "蘇柏宇 博士（清華大學資訊工程學系）",
            ["數位影像基礎與OpenCV環境建置", "影像前處理：濾波、二值化與形態學", "特徵擷取與傳統瑕疵檢測方法",
             "卷積神經網路（CNN）影像分類", "瑕疵資料集標註與資料擴增", "AOI瑕疵檢測模型實作與評估"],
            ["具備Python基礎程式能力", "具備線性代數基本概念", "自備筆記型電腦"]);

        Add(Teca, "設備預知保養與時間序列預測", Weekly(33, DayOfWeek.Friday, 3), 18,
            OnSite(TaichungIndustrialPark, "臺中市"), 15000, 25,
            "徐立民 博士（中興大學機械工程學系）",
            ["預知保養（PdM）概念與導入效益", "振動、溫度等感測資料分析", "時間序列特徵擷取與頻域分析",
             "剩餘壽命（RUL）預測模型", "異常偵測：Isolation Forest與自編碼器", "案例實作：馬達故障預警"],
            ["具備Python基礎程式能力", "具設備維護或製程工程相關經驗尤佳"],
            government: 7000);

        Add(Teca, "深度學習實作：TensorFlow與PyTorch", TwiceWeekly(40, DayOfWeek.Monday, DayOfWeek.Wednesday, 8, "19:00-22:00"), 24,
            Online("Cisco Webex"), 18000, 40,
            "潘思妤 博士（陽明交通大學電機工程學系）",
            ["深度學習原理與神經網路基礎", "TensorFlow／Keras模型建構", "PyTorch張量運算與訓練流程",
             "卷積神經網路（CNN）實作", "循環神經網路（RNN）與LSTM", "遷移學習與模型微調", "模型儲存、匯出與部署"],
            ["具備Python基礎程式能力", "具備線性代數與微積分基本概念", "具備機器學習基本概念"]);

        // A hands-on class with one NVIDIA Jetson kit per trainee, so only six seats: the demo fills them and
        // 黃雅婷 waits as 備取第1位.
        Add(Teca, "邊緣運算AI模型部署實務", Weekly(50, DayOfWeek.Saturday, 3), 18,
            OnSite("國立陽明交通大學工程四館B1教室(新竹市東區大學路1001號)", "新竹市"), 16000, EdgeAiSeats,
            "賴俊宏 博士（工業技術研究院資訊與通訊研究所）",
            ["Edge AI架構與硬體平台比較", "模型輕量化：剪枝與量化", "ONNX與TensorRT模型轉換",
             "NVIDIA Jetson部署實作", "即時影像推論效能最佳化"],
            ["具備Python基礎程式能力", "具備深度學習基本概念", "具Linux指令列操作經驗"]);

        Add(Teca, "半導體製程數據分析與AI良率提升", Weekdays(65, 4), 24,
            Dual("Cisco Webex", "高雄軟體科技園區3樓訓練教室(高雄市前鎮區復興四路2號)", "高雄市"), 24000, 30,
            "江宜蓁 博士（成功大學製造資訊與系統研究所）",
            ["半導體製程與良率管理概論", "製程資料（FDC／SPC）整合與清理", "關鍵參數分析與特徵選取",
             "虛擬量測（VM）模型建置", "晶圓圖（Wafer Map）瑕疵分類", "良率預測與根因分析實作"],
            ["具備Python基礎程式能力", "具備基本統計概念", "從事半導體或電子製造相關工作尤佳"]);

        Add(Teca, "智慧工廠AI專案管理", Weekly(85, DayOfWeek.Saturday, 2), 12,
            OnSite("新北市產業發展中心3樓教室(新北市三重區重新路五段609巷4號)", "新北市"), 10000, 30,
            "羅世昌 顧問（PMP、智慧製造輔導顧問）",
            ["AI專案生命週期與成功要素", "需求訪談與使用情境定義", "資料盤點與可行性評估",
             "POC規劃、驗收指標與效益衡量", "跨部門協作與變革管理", "案例研討：智慧工廠導入經驗"],
            ["具2年以上工作經驗", "從事專案管理或製造相關職務尤佳"]);

        Add(Teca, "生成式AI結合RPA流程自動化", Weekly(140, DayOfWeek.Saturday, 2), 12,
            Online("Cisco Webex"), 9000, 30,
            "何欣怡 講師（流程自動化顧問）",
            ["RPA與生成式AI整合概念", "流程盤點與自動化可行性評估", "以Power Automate建立自動化流程",
             "串接大型語言模型API處理文件", "自動化流程維運與例外處理"],
            ["具備基本電腦操作能力", "熟悉Office文書作業"],
            status: CourseStatus.Draft);

        // Ended 1 to 7 days ago, well inside the completion grace period: 林怡君's questionnaire is still open.
        Add(Teca, "Python資料科學入門", Weekly(-21, DayOfWeek.Saturday, 3), 18, // just ended
            OnSite("中原大學電資大樓E203教室(桃園市中壢區中北路200號)", "桃園市"), 12000, 30,
            "高偉倫 講師（中原大學資訊工程學系）",
            ["Python語法與Jupyter Notebook", "NumPy陣列運算", "pandas資料整理與分析",
             "資料視覺化：Matplotlib與Seaborn", "scikit-learn機器學習入門"],
            ["具備基本電腦操作能力", "具備高中程度數學基礎"]);

        Add(Teca, "供應鏈需求預測與AI最佳化", Weekly(6, DayOfWeek.Saturday, 2), 12,
            Dual("Cisco Webex", TaichungIndustrialPark, "臺中市"), 10000, 25,
            "方志遠 博士（臺灣科技大學工業管理系）",
            ["供應鏈管理與需求預測概論", "銷售資料分析與季節性拆解", "機器學習需求預測模型",
             "庫存最佳化與安全庫存計算", "案例實作：電子零組件需求預測"],
            ["具備Excel資料處理能力", "具備基本統計概念"],
            status: CourseStatus.Closed);

        // ── 財團法人資訊工業策進會 ───────────────────────────────────────────────────────────

        Add(Iii, "生成式AI應用實務", Weekdays(2, 2), 12,
            OnSite("資策會數位教育研究所301教室" + IiiTaipei, "臺北市"), 9600, 40,
            "宋佳穎 資深講師（資策會數位教育研究所）",
            ["生成式AI發展與主流工具介紹", "提示工程（Prompt Engineering）技巧", "文件摘要、翻譯與報告撰寫應用",
             "AI影像生成與簡報製作", "GPTs與自動化工作流程", "生成式AI使用風險與資訊安全"],
            ["具備基本電腦操作能力", "具備Office文書處理經驗"]);

        Add(Iii, "機器學習入門與實作", Weekly(10, DayOfWeek.Saturday, 4), 24,
            Dual("Google Meet", "資策會中區教室A教室" + IiiTaichung, "臺中市"), 18000, 35,
            "邱士哲 博士（中興大學資訊科學與工程學系）",
            ["機器學習概論與應用場景", "資料前處理與特徵工程", "監督式學習：迴歸與分類", "決策樹、隨機森林與梯度提升",
             "非監督式學習：分群與降維", "模型評估、交叉驗證與超參數調整", "期末實作：預測模型專題"],
            ["具備Python基礎程式能力", "具備基本統計概念"]);

        Add(Iii, "自然語言處理實務", TwiceWeekly(18, DayOfWeek.Tuesday, DayOfWeek.Thursday, 6), 18,
            Online("Google Meet"), 14000, 40,
            "廖振翔 博士（中央大學資訊工程學系）",
            ["自然語言處理概論與中文斷詞", "文字向量化：TF-IDF與Word2Vec", "文本分類與情緒分析",
             "Transformer與BERT模型", "命名實體辨識（NER）", "Hugging Face模型微調實作"],
            ["具備Python基礎程式能力", "具備機器學習基本概念"]);

        Add(Iii, "LLM與RAG應用開發實戰", Weekdays(23, 7), 42,
            Dual("Microsoft Teams", "資策會數位教育研究所302教室" + IiiTaipei, "臺北市"), 36000, 30,
            "簡慧如 博士（台灣大學資訊工程學系）、陳冠宇 技術經理（資策會數位教育研究所）",
            ["大型語言模型原理與主流模型比較", "提示工程與LLM API串接", "文件切塊、嵌入向量與向量資料庫",
             "檢索增強生成（RAG）架構實作", "LangChain與Agent工作流程", "RAG效能評估與幻覺控制",
             "LLM應用部署與資安防護", "期末專題：企業知識問答系統"],
            ["具備Python基礎程式能力", "具備Web API與JSON基本概念", "具備機器學習基本概念"]);

        Add(Iii, "MLOps機器學習維運實務", Weekly(30, DayOfWeek.Saturday, 8, "09:00-12:00"), 24,
            Online("Microsoft Teams"), 22000, 30,
            "林彥廷 架構師（資策會數位轉型研究院）",
            ["MLOps概念與成熟度模型", "Git、Docker與實驗管理（MLflow）", "資料與模型版本控管",
             "CI／CD自動化訓練與部署流程", "Kubernetes模型服務化", "模型監控與資料飄移偵測"],
            ["具備Python基礎程式能力", "具Linux指令列與Docker基本操作經驗", "具備機器學習基本概念"]);

        Add(Iii, "智慧醫療影像分析", Weekly(38, DayOfWeek.Saturday, 4), 24,
            OnSite("高雄醫學大學濟世大樓CS101教室(高雄市三民區十全一路100號)", "高雄市"), 24000, 25,
            "張雅筑 博士（高雄醫學大學醫學影像暨放射科學系）",
            ["醫學影像格式（DICOM）與資料處理", "醫療影像標註與資料去識別化", "CNN於X光影像分類之應用",
             "U-Net影像分割實作", "模型驗證與臨床應用評估", "醫療器材軟體法規（SaMD）概論"],
            ["具備Python基礎程式能力", "具備深度學習基本概念"],
            government: 10000);

        Add(Iii, "推薦系統設計與實作", TwiceWeekly(44, DayOfWeek.Monday, DayOfWeek.Wednesday, 8), 24,
            OnSite("亞東科技大學誠勤大樓教室(新北市板橋區四川路二段58號)", "新北市"), 18000, 30,
            "黃柏翰 博士（政治大學資訊科學系）",
            ["推薦系統概論與商業應用", "協同過濾（Collaborative Filtering）", "矩陣分解與隱含因子模型",
             "內容式推薦與混合式推薦", "深度學習推薦模型", "推薦成效評估與A/B測試"],
            ["具備Python基礎程式能力", "具備機器學習基本概念"]);

        Add(Iii, "語音辨識與語音合成應用", Weekly(55, DayOfWeek.Sunday, 2), 12,
            Online("Google Meet"), 10000, 35,
            "蔡宛臻 博士（清華大學電機工程學系）",
            ["語音訊號處理基礎", "語音特徵擷取（MFCC）", "Whisper語音辨識模型應用",
             "中文及台語語音辨識實作", "語音合成（TTS）技術與應用"],
            ["具備Python基礎程式能力", "具備機器學習基本概念"]);

        Add(Iii, "AI專案管理與導入策略", Weekdays(70, 2), 12,
            Dual("Microsoft Teams", "資策會新竹教室(新竹市東區光復路二段295號)", "新竹市"), 12000, 30,
            "吳佩蓉 顧問（資策會產業情報研究所）",
            ["企業AI導入策略與成熟度評估", "AI專案選題與商業價值分析", "資料準備與團隊角色分工",
             "AI專案風險、倫理與法規議題", "POC到量產的推動與驗收", "案例研討與導入藍圖規劃"],
            ["具2年以上工作經驗", "對AI導入或數位轉型有興趣"],
            government: 5000);

        Add(Iii, "資料科學與Python實戰", Weekdays(80, 4, "09:00-16:00"), 24,
            OnSite("國立臺東大學資訊工程學系電腦教室(臺東縣臺東市大學路二段369號)", "臺東縣"), 16000, 25,
            "陳志明 副教授（臺東大學資訊工程學系）",
            ["Python資料處理基礎", "pandas資料清理與轉換", "探索式資料分析（EDA）",
             "統計推論與假設檢定", "scikit-learn建模流程", "實作：地方觀光數據分析"],
            ["具備基本電腦操作能力", "具備高中程度數學基礎"]);

        Add(Iii, "電腦視覺深度學習：YOLO物件偵測", Weekly(95, DayOfWeek.Saturday, 5), 30,
            OnSite("資策會中區教室B教室" + IiiTaichung, "臺中市"), 26000, 25,
            "李宗憲 博士（逢甲大學資訊工程學系）",
            ["電腦視覺概論與OpenCV影像處理", "CNN影像分類回顧", "物件偵測原理：R-CNN到YOLO",
             "資料標註與資料集建立", "YOLO模型訓練與調校", "影像分割與姿態估計", "即時影像串流推論"],
            ["具備Python基礎程式能力", "具備深度學習基本概念", "自備具GPU之筆記型電腦尤佳"]);

        return courses;

        // One course; contact person (in turn), payment method and registration URL come from the organiser's profile.
        void Add(string organiser, string name, Schedule when, int hours, Venue venue, int fee, int seats,
                 string instructors, string[] outline, string[] prerequisites,
                 int? government = null, CourseStatus status = CourseStatus.Published)
        {
            var profile = Array.Find(Profiles, p => p.Organiser == organiser)
                ?? throw new ArgumentException($"Unknown demo organiser {organiser}.", nameof(organiser));
            var n = perOrganiser[organiser] = perOrganiser.GetValueOrDefault(organiser) + 1;
            var contact = profile.Contacts[(n - 1) % profile.Contacts.Length];
            var governmentShare = government ?? fee / 2;
            var course = new Course
            {
                Organiser = organiserByName(organiser),
                Name = name,
                Outline = [.. outline],
                StartDate = when.Start,
                EndDate = when.End,
                ClassTimes = when.ClassTimes,
                Hours = hours,
                VenueMode = venue.Mode,
                Platform = venue.Platform,
                Address = venue.Address,
                City = venue.City,
                TotalFee = fee,
                GovernmentShare = governmentShare,
                TraineeShare = fee - governmentShare,
                PaymentMethod = profile.PaymentMethod,
                ContactName = contact.Name,
                ContactPhone = contact.Phone,
                ContactEmail = contact.Email,
                RegistrationUrl = profile.RegistrationUrl + (profile.FirstCourseNo + n - 1),
                Prerequisites = [.. prerequisites],
                Instructors = instructors,
                PlannedSeats = seats,
                Status = status,
            };
            // 上課日 as the organiser would accept them from 上課時間.
            course.Sessions = [.. (ClassSchedule.Propose(course) ?? throw new InvalidOperationException($"{name}: 上課時間 gives no sessions"))
                .Select(s => new CourseSession { Date = s.Date, Start = s.Start, End = s.End, Minutes = s.Minutes })];
            courses.Add(course);
        }

        // Consecutive days from exactly today + inDays.
        Schedule Days(int inDays, int days, string times)
        {
            var start = today.AddDays(inDays);
            var end = start.AddDays(days - 1);
            var separator = days == 2 ? "、週" : "至週";
            return new(start, end, $"週{Zh(start.DayOfWeek)}{separator}{Zh(end.DayOfWeek)} {times}");
        }

        // One session a week on the given weekday, from the first such day on or after today + inDays.
        Schedule Weekly(int inDays, DayOfWeek day, int sessions, string times = "09:00-16:00")
        {
            var start = OnOrAfter(today.AddDays(inDays), day);
            return new(start, start.AddDays(7 * (sessions - 1)), $"每週{Zh(day)} {times}");
        }

        // Two evening sessions a week (first < second), starting on the first weekday.
        Schedule TwiceWeekly(int inDays, DayOfWeek first, DayOfWeek second, int sessions, string times = "18:30-21:30")
        {
            var start = OnOrAfter(today.AddDays(inDays), first);
            var end = sessions % 2 == 0
                ? start.AddDays(7 * (sessions / 2 - 1) + (second - first))
                : start.AddDays(7 * (sessions / 2));
            return new(start, end, $"每週{Zh(first)}、{Zh(second)} {times}");
        }

        // Consecutive working days from a Monday.
        Schedule Weekdays(int inDays, int days, string times = "09:30-16:30")
        {
            var start = OnOrAfter(today.AddDays(inDays), DayOfWeek.Monday);
            var end = start.AddDays(days - 1 + (days - 1) / 5 * 2);
            var text = days switch
            {
                1 => $"週一 {times}",
                <= 5 => $"週一至週{Zh(end.DayOfWeek)} {times}",
                _ => $"週一至週五 {times}（共{days}天）",
            };
            return new(start, end, text);
        }
    }

    private readonly record struct Schedule(DateOnly Start, DateOnly End, string ClassTimes);

    private readonly record struct Venue(VenueMode Mode, string? Platform, string? Address, string? City);

    private static Venue OnSite(string address, string city) => new(VenueMode.OnSite, null, address, city);

    private static Venue Online(string platform) => new(VenueMode.Online, platform, null, null);

    private static Venue Dual(string platform, string address, string city) => new(VenueMode.DualTrack, platform, address, city);

    private static DateOnly OnOrAfter(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);

    private static char Zh(DayOfWeek day) => "日一二三四五六"[(int)day];
}
