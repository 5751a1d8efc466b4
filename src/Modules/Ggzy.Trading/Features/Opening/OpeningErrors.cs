using Ggzy.Platform.Rules;

namespace Ggzy.Trading.Features.Opening;

/// <summary>The refusals and records of the opening (Chinese), their stable codes (docs/bid-opening.md) and provisions.</summary>
internal static class OpeningErrors
{
    public const string OpeningCitation = "《电子招标投标办法》第二十九条、第三十条；" + StatutoryRules.TenderLaw + "第三十四条";
    public const string SecrecyCitation = StatutoryRules.TenderLaw + "第二十二条、第三十四条；《电子招标投标办法》第二十七条";
    public const string FailureCitation = "《电子招标投标办法》第三十一条";
    public const string RecordCitation = "《电子招标投标办法》第三十二条";
    public const string SealingCitation = StatutoryRules.TenderLaw + "第三十六条；" + StatutoryRules.TenderRegulations + "第三十六条";
    public const string ObjectionCitation = StatutoryRules.TenderRegulations + "第四十四条";
    public const string DeemedCitation = StatutoryRules.Order87 + "第四十二条";
    public const string SecretPriceCitation = StatutoryRules.TenderRegulations + "第二十七条、第五十条";
    public const string ReadOutCitation = StatutoryRules.TenderLaw + "第三十六条";
    public const string WindowCitation = "《电子招标投标办法》第三十条";
    public const string FallbackCitation = "《电子招标投标办法》第三十一条";
    public const string RecordingCitation = StatutoryRules.Order87 + "第三十九条";
    public const string SettingsLockedCitation = StatutoryRules.TenderLaw + "第二十三条；" + StatutoryRules.TenderRegulations + "第二十一条";

    public const string TenderNextStep = "招标人应当依法重新招标（" + StatutoryRules.TenderLaw + "第二十八条；" + StatutoryRules.TenderRegulations + "第四十四条）。";
    public const string ProcurementNextStep = "采购人应当修改招标文件后重新招标；招标文件没有不合理条款、程序符合规定而需要采用其他采购方式的，应当依法报财政部门批准后改变采购方式（"
        + StatutoryRules.Order87 + "第四十三条；" + StatutoryRules.ProcurementLaw + "第三十六条）。";

    public const string LotNotFound = "没有找到该标段。";
    public const string NotYet = "投标截止时间前不开标：任何单位和个人不得查看投标人名单、报价或进行解密（依据：" + SecrecyCitation + "）。";
    public const string NotExtracted = "投标截止时间已到，平台正在提取投标文件，请稍候刷新（依据：" + OpeningCitation + "）。";
    public const string NotYours = "只有交易中心、行政监督部门、社会监督员、该项目的招标人或代理机构以及该标段的投标人可以进入开标大厅。";
    public const string NotABidder = "本单位在该标段没有提取的投标文件，不能签到、解密、确认开标记录或提出开标异议。";
    public const string NotRunning = "只有该项目的招标人（采购人）或其委托的代理机构可以设定开标事项或答复开标异议。";
    public const string Stage = "开标处于“{0}”阶段，不能{1}。";
    public const string WindowClosed = "解密时间（{0} 至 {1}，北京时间）已过或尚未开始：只能在招标文件规定的解密时间内解密（依据：" + FailureCitation + "）。";
    public const string KeyFormat = "请提交内容密钥 contentKey：32 位十六进制，由 ggzy bid unseal --key-only 在本机用证书私钥解出（私钥不离开本机）。";
    public const string WrongKey = "内容密钥不能解开本单位的投标文件（{0}）：请确认使用密封时的证书私钥在本机解出的密钥；还可尝试 {1} 次，解密时间结束仍未解密的，视为撤销投标文件（依据：" + FailureCitation + "）。";
    public const string WrongKeyFinal = "内容密钥多次不能解开本单位的投标文件，按招标文件的规定视为撤销投标文件（依据：" + FailureCitation + "）。";
    public const string NoShow = "解密时间结束时投标人未解密投标文件：因投标人原因解密失败，视为撤销投标文件（依据：" + FailureCitation + "）。";
    public const string WrongKeyAtEnd = "解密时间结束时投标人提交的内容密钥仍不能解开投标文件：因投标人原因解密失败，视为撤销投标文件（依据：" + FailureCitation + "）。";
    public const string PlatformFault = "平台保存的投标文件无法读取或与递交时的摘要不符（{0}）：非投标人原因解密失败，视为撤回投标文件，投标人有权要求责任方赔偿因此造成的直接损失（依据：" + FailureCitation + "）。";
    public const string Decided = "本单位的投标文件已经{0}，无需再解密。";
    public const string SignInNotYours = "证书签到的账户不属于本单位：请用本单位绑定的数字证书签到。";
    public const string NotPresent = "本单位尚未签到：请先签到再确认开标记录；未签到的投标人视为认可开标结果（依据：" + DeemedCitation + "）。";
    public const string RecordDigest = "确认的开标记录摘要与平台签署的开标记录不一致：请刷新开标大厅后核对最新的开标记录再确认。";
    public const string Pending = "仍有投标文件在解密时间内尚未解密：请等待解密时间结束（{0}，北京时间）或全部解密后再唱标。";
    public const string ObjectionOpen = "还有开标异议尚未答复：招标人应当当场作出答复并记录后才能结束开标（依据：" + ObjectionCitation + "）。";
    public const string ObjectionText = "请填写异议内容（1–2000 字）。开标异议应当在开标现场提出（依据：" + ObjectionCitation + "）。";
    public const string AnswerText = "请填写答复内容（1–2000 字）。招标人应当当场作出答复，并制作记录（依据：" + ObjectionCitation + "）。";
    public const string ObjectionNotFound = "没有找到该开标异议。";
    public const string Answered = "该开标异议已经答复，不能重复答复。";
    public const string SettingsLocked = "投标截止时间已到，开标事项随招标文件确定，不能再修改。";
    public const string SettingsItems = "唱标内容：最多 20 项，每项 1–50 字，不得重复（投标人名称和投标总价总会唱出，无需列出）。";
    public const string SettingsMinutes = "解密时限：15 至 240 分钟。";
    public const string SettingsFallback = "补救方案不超过 2000 字。";
    public const string SettingsPrice = "标底和最高投标限价须为正数（元），最多两位小数；同时设定时标底不得高于最高投标限价。";

    public const string RecordingsNotYours = "只有交易中心工作人员、公管办和行政监督部门可以查看和登记开标录音录像。";
    public const string RecordingLocator = "请填写录音录像文件的位置：交易中心录音录像系统中的地址或编号，1–1000 字，不含换行等控制字符。";
    public const string RecordingDigest = "录音录像文件的 SM3 摘要应为 64 位十六进制数字：请填写录音录像系统给出的摘要，或对文件计算 SM3 后填写。";
    public const string RecordingTimesMissing = "请填写录音录像的开始时间和结束时间（北京时间）。";
    public const string RecordingTimesOrder = "录音录像的结束时间应晚于开始时间。";
    public const string RecordingTimesFuture = "录音录像的结束时间 {0} 晚于现在（{1}）：请在录制结束后登记。";
    public const string RecordingTimesLength = "一段录音录像不超过 24 小时：更长的录制请分段登记。";
    public const string RecordingTimesCover = "录音录像应当覆盖开标：结束时间应晚于开标时间 {0}（北京时间）。";
    public const string RecordingNote = "备注不超过 500 字。";
    public const string RecordingDuplicate = "该录音录像文件（SM3 {0}）已经登记，无需重复登记。";

    public const string CodeNotYet = "OPEN_NOT_YET";
    public const string CodeNotExtracted = "OPEN_NOT_EXTRACTED";
    public const string CodeNotYours = "OPEN_NOT_YOURS";
    public const string CodeNotABidder = "OPEN_NOT_A_BIDDER";
    public const string CodeStage = "OPEN_STAGE";
    public const string CodeWindow = "OPEN_WINDOW";
    public const string CodeKeyFormat = "OPEN_KEY_FORMAT";
    public const string CodeWrongKey = "OPEN_WRONG_KEY";
    public const string CodeNoShow = "OPEN_NO_SHOW";
    public const string CodePlatformFault = "OPEN_PLATFORM_FAULT";
    public const string CodeDecided = "OPEN_DECIDED";
    public const string CodeSignIn = "OPEN_SIGN_IN";
    public const string CodeNotPresent = "OPEN_NOT_PRESENT";
    public const string CodeRecordDigest = "OPEN_RECORD_DIGEST";
    public const string CodePending = "OPEN_PENDING";
    public const string CodeObjectionOpen = "OPEN_OBJECTION_OPEN";
    public const string CodeText = "OPEN_TEXT";
    public const string CodeAnswered = "OPEN_ANSWERED";
    public const string CodeSettingsLocked = "OPEN_SETTINGS_LOCKED";
    public const string CodeSettings = "OPEN_SETTINGS";
    public const string CodeRecording = "OPEN_RECORDING";
    public const string CodeRecordingDigest = "OPEN_RECORDING_DIGEST";
    public const string CodeRecordingTime = "OPEN_RECORDING_TIME";
    public const string CodeRecordingDuplicate = "OPEN_RECORDING_DUPLICATE";
}
