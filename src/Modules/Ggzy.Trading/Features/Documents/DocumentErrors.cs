namespace Ggzy.Trading.Features.Documents;

/// <summary>The refusals of tender documents, downloads, clarifications and objections (Chinese) and their provisions.</summary>
internal static class DocumentErrors
{
    public const string DownloadCitation = "《电子招标投标办法》（国家发展改革委等八部委令第20号）第二十条";
    public const string SecrecyCitation = "《电子招标投标办法》第二十一条、《中华人民共和国招标投标法》第二十二条";
    public const string NoticeCitation = "《电子招标投标办法》第二十二条、《中华人民共和国招标投标法实施条例》第二十一条";
    public const string ObjectionCitation = "《中华人民共和国招标投标法实施条例》第二十二条";
    public const string UploadCitation = "《电子招标投标办法》第十八条";

    public const string LotNotFound = "没有找到该标段。";
    public const string DocumentNotFound = "没有找到该文件。";
    public const string ObjectionNotFound = "没有找到该异议。";
    public const string NoticeNotFound = "没有找到该通知。";

    public const string NotRunner = "只有该项目的招标人（采购人）或其委托的代理机构可以进行此项操作。";
    public const string NoEntity = "只有已注册、具有统一社会信用代码的市场主体的人员可以下载招标（采购）文件；请以本单位账户登录（依据：" + DownloadCitation + "）。";
    public const string NotAccepted = "该项目尚未被交易中心受理，不能上传或下载招标（采购）文件。";
    public const string NotOnSale = "该标段的文件当前不在发售（提供）期内，不能下载；请在公告载明的文件发售期内下载（依据：" + DownloadCitation + "）。";
    public const string UploadClosed = "招标（采购）文件只能在标段为“草稿”或“已发布公告”、文件发售开始前上传；发售开始后如需修改，请发布澄清或者修改（依据：" + NoticeCitation + "）。";
    public const string FileRequired = "请选择要上传的文件。";
    public const string FileNameTooLong = "文件名过长，请改为 200 字以内后重新上传。";
    public const string SecretBeforeDeadline = "投标截止时间前，任何单位和个人不得查看或者泄露下载招标（采购）文件的单位名称和数量；截止后由招标人、代理机构、交易中心和监督部门查看（依据：" + SecrecyCitation + "）。";
    public const string LogNotYours = "只有该项目的招标人、代理机构、交易中心和行政监督部门可以在投标截止后查看下载记录（依据：" + SecrecyCitation + "）。";
    public const string TextRequired = "请填写澄清或者修改的内容（1–4000 字）（依据：" + NoticeCitation + "）。";
    public const string ObjectionTextRequired = "请写明异议的事项和理由（1–4000 字）（依据：" + ObjectionCitation + "）。";
    public const string AnswerRequired = "请填写答复内容（1–4000 字）（依据：" + ObjectionCitation + "）。";
    public const string NotDownloaded = "只有已下载该标段招标（采购）文件的单位可以对文件提出异议；请先下载文件（依据：" + ObjectionCitation + "）。";
    public const string AlreadyAnswered = "该异议已经答复，不能重复答复。";
    public const string NoDeadline = "该标段尚未发布公告、没有投标截止时间，不能发布澄清或者修改；请直接修改文件。";

    public static string WrongType(IReadOnlyList<string> allowed, long maxBytes) =>
        $"文件类型或大小不符合要求：只接受 {string.Join("、", allowed)} 格式、不超过 {maxBytes / (1024 * 1024)} MB 的文件，请转换格式或压缩后重新上传（依据：{UploadCitation}）。";
}
