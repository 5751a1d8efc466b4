namespace Ggzy.Trading.Features.Bids;

/// <summary>The refusals of bid submission (Chinese), their stable codes (docs/bid-submission.md) and provisions.</summary>
internal static class BidErrors
{
    public const string SealCitation = "《电子招标投标办法》（国家发展改革委等八部委令第20号）第二十六条";
    public const string DeadlineCitation = "《电子招标投标办法》第二十七条、《中华人民共和国招标投标法》第二十八条";
    public const string WithdrawCitation = "《中华人民共和国招标投标法》第二十九条、《电子招标投标办法》第二十七条";
    public const string SecrecyCitation = "《中华人民共和国招标投标法》第二十二条、《电子招标投标办法》第二十七条";
    public const string DebarredCitation = "《中华人民共和国招标投标法实施条例》第六十七条、第六十八条；信用记录处理决定";

    public const string LotNotFound = "没有找到该标段。";
    public const string UploadNotFound = "没有找到该上传记录。";

    public const string NotABidder = "只有已注册、具有统一社会信用代码的市场主体（投标人、供应商）的人员可以递交投标文件；请以本单位账户登录。";
    public const string LotClosed = "该标段当前不接收投标文件：只有在文件发售期内或投标中的标段可以递交（依据：" + DeadlineCitation + "）。";
    public const string AfterDeadline = "投标截止时间已到（以平台时间为准），平台不再接收该标段的投标文件；截止时尚未完成的上传视为撤回（依据：" + DeadlineCitation + "）。";
    public const string NoDocuments = "本单位尚未获取该标段的招标（采购）文件，不能递交投标文件；请先在文件发售期内下载招标文件（依据：《电子招标投标办法》第二十条、第二十六条）。";
    public const string SizeInvalid = "请填写信封文件的大小 size（字节，1 字节至平台上限 {0} MB）。";
    public const string DigestInvalid = "请填写信封摘要 digest：64 位小写十六进制的 SM3(信封头 ‖ 签名)，由 ggzy bid seal 给出（见 docs/bid-submission.md）。";
    public const string FileNameInvalid = "文件名不合规：请使用 1–200 字的文件名，不得含路径（/ \\ ..）或控制字符，如 bid.gse。";
    public const string ChunkOffset = "分块起点 offset={0} 与平台已收到的字节数 {1} 不符：请从 offset={1} 继续上传（重复或错位的分块不会被写入）。";
    public const string ChunkSize = "分块大小不合规：每块 1 字节至 {0} MB，且不得超过声明的文件大小（还差 {1} 字节）。";
    public const string ChunkBusy = "该上传的另一个分块正在写入：请等待上一块完成后再继续（同一上传的分块须依次发送）。";
    public const string Incomplete = "文件尚未上传完整：已收到 {0} 字节，声明 {1} 字节；请从 offset={0} 继续上传后再提交。";
    public const string UploadClosed = "该上传已结束（{0}），不能再写入或提交；如需递交，请重新开始上传。";
    public const string DigestMismatch = "上传的文件摘要与开始上传时声明的摘要不一致：文件在传输中被改动或上传了别的文件；请重新上传（依据：" + SealCitation + "）。";
    public const string WrongLot = "信封是为标段 {0} 密封的，不是本标段 {1}：请用本标段编号重新密封（ggzy bid seal --lot {1}）。";
    public const string WrongBidder = "信封中的投标人统一社会信用代码 {0} 不是本单位的 {1}：只能递交本单位密封的投标文件。";
    public const string NothingToWithdraw = "本单位在该标段没有有效的投标文件，无需撤回。";
    public const string NotYetDeadline = "投标截止时间前，任何单位和个人不得查看已递交投标文件的投标人名称和数量（依据：" + SecrecyCitation + "）。";
    public const string NotYours = "只有该项目的招标人、代理机构、交易中心和行政监督部门可以在投标截止后查看投标文件递交情况（依据：" + SecrecyCitation + "）。";

    public const string CodeNotABidder = "BID_NOT_A_BIDDER";
    public const string CodeLotClosed = "BID_LOT_CLOSED";
    public const string CodeAfterDeadline = "BID_AFTER_DEADLINE";
    public const string CodeDebarred = "BID_DEBARRED";
    public const string CodeNoDocuments = "BID_NO_DOCUMENTS";
    public const string CodeSize = "BID_SIZE";
    public const string CodeDigest = "BID_DIGEST";
    public const string CodeFileName = "BID_FILE_NAME";
    public const string CodeDigestMismatch = "BID_DIGEST_MISMATCH";
    public const string CodeChunkOffset = "BID_CHUNK_OFFSET";
    public const string CodeChunkSize = "BID_CHUNK_SIZE";
    public const string CodeChunkBusy = "BID_CHUNK_BUSY";
    public const string CodeIncomplete = "BID_UPLOAD_INCOMPLETE";
    public const string CodeUploadClosed = "BID_UPLOAD_CLOSED";
    public const string CodeWrongLot = "BID_WRONG_LOT";
    public const string CodeWrongBidder = "BID_WRONG_BIDDER";
    public const string CodeCertificate = "BID_CERT_NOT_BOUND";
    public const string CodeNothingToWithdraw = "BID_NOTHING_TO_WITHDRAW";
    public const string CodeSecret = "BID_SECRET";
}
