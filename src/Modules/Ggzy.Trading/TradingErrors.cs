namespace Ggzy.Trading;

/// <summary>The catalog's refusals (Chinese, saying what to fix) and the provisions they rest on.</summary>
internal static class TradingErrors
{
    public const string R1 = "《吉林市公共资源交易管理暂行办法》第十二条";
    public const string R2 = "《吉林市公共资源交易管理暂行办法》第十三条第一款";

    public const string R3 = "《吉林市公共资源交易管理暂行办法》第十三条第三款";

    public const string SectorInvalid = "请选择行业领域：工程建设、政府采购、土地使用权、矿业权、国有产权或其他（依据：" + R1 + "）。";
    public const string ProjectTypeInvalid = "请填写项目类型（1–50 字），如“施工”“货物（重要设备、材料）”（依据：" + R1 + "）。";
    public const string AmountRequired = "请填写金额，不能为负数（以元计最多两位小数）（依据：" + R1 + "）。";
    public const string AmountTooLarge = "金额过大，请以元为单位核对后重新填写。";
    public const string RegionInvalid = "行政区划代码须为 6 位数字（GB/T 2260），且在本平台服务的区域之内（依据：" + R2 + "）。";
    public const string EntryRegionInvalid = "适用区域须为“000000”（全国）或本平台服务区域内的 6 位行政区划代码（依据：" + R2 + "）。";
    public const string CenterInvalid = "承接的交易场所须为本平台的交易中心或分中心，且其服务区域须涵盖该条目的适用区域（依据：" + R2 + "）。";
    public const string CitationRequired = "请填写该条目的依据（法规或文件名称及条款，1–300 字）（依据：" + R1 + "）。";
    public const string BasisRequired = "请填写本版目录的制定依据（文件名称及文号，1–500 字）（依据：" + R1 + "）。";
    public const string ReasonRequired = "退回须写明理由（1–500 字），以便起草单位修改（依据：" + R1 + "）。";
    public const string EffectiveFromInvalid = "请填写生效日期：不早于今天，且晚于现行目录的生效日期（依据：" + R1 + "）。";
    public const string DuplicateEntry = "本版目录已有同一行业领域、项目类型和适用区域的条目，请先删除原条目（依据：" + R1 + "）。";

    public const string VersionNotFound = "没有找到该版本的交易目录。";
    public const string EntryNotFound = "本版目录中没有该条目。";
    public const string NotEditable = "只有草稿或被退回的版本可以修改；已提交、已审批或已发布的目录不得更改，如需调整请起草新版本。";
    public const string OpenDraftExists = "已有一个未发布的版本（草稿、待审批或待发布），请先完成或处理该版本，再起草新版本。";
    public const string NothingToCopy = "尚无已发布的交易目录，无法复制；平台启动时会安装国家规定的首版目录。";
    public const string EmptyVersion = "目录至少须有一个条目才能提交审批。";
    public const string NotSubmitted = "只有已提交、等待审批的版本可以审批或退回。";
    public const string OwnDraft = "起草或提交该版本的人员不得审批本版目录，请由其他人员审批。";
    public const string NotApproved = "只有已审批通过的版本可以发布。";
}
