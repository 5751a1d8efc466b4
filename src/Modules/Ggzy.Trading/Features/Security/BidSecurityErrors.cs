using Ggzy.Platform.Rules;

namespace Ggzy.Trading.Features.Security;

/// <summary>The refusals of bid security (Chinese, saying what to fix) and the provisions they rest on.</summary>
internal static class BidSecurityErrors
{
    public const string Custody = StatutoryRules.TianjinRules + "第十六条";
    public const string Secrecy = StatutoryRules.TenderLaw + "第二十二条";
    public const string TermsChange = StatutoryRules.TenderRegulations + "第二十一条";
    public const string TenderTermination = StatutoryRules.TenderRegulations + "第三十一条";
    public const string Withdrawal = StatutoryRules.TenderLaw + "第二十九条；" + StatutoryRules.TenderRegulations + "第三十五条";
    public const string TenderSecurity = StatutoryRules.TenderRegulations + "第二十六条";
    public const string OwnProject = StatutoryRules.TenderRegulations + "第十三条、第三十四条";
    public const string Debarment = "《吉林市公共资源交易管理暂行办法》第四十三条";

    public const string LotNotFound = "没有找到该标段。";
    public const string ReceiptNotFound = "没有找到该银行回单。";
    public const string DutyNotFound = "没有找到该退还事项。";
    public const string NotYourLot = "只有该项目的招标人（采购人）或其委托的招标代理机构可以设定投标保证金要求。";
    public const string NotAccepted = "项目尚未被交易中心受理，不能设定投标保证金要求。";
    public const string TermsFixed = "标段的投标保证金要求已随招标文件发出，不能直接修改；如需修改，请按规定发布澄清或者修改（依据：" + TermsChange + "）。";
    public const string NoTerms = "该标段尚未设定投标保证金要求。";
    public const string NoOrganization = "您的账户不属于任何市场主体，不能登记保函；请由本单位管理员邀请加入。";
    public const string NotRegisteredEntity = "本单位尚未在平台注册为市场主体，请先完成市场主体注册（一次注册、全平台通用）。";
    public const string GuaranteeNotAccepted = "该标段的招标文件不接受电子保函，请按招标文件规定的形式提交投标保证金。";
    public const string GuaranteeTooLate = "投标截止时间已过或标段不在投标阶段，不能再登记电子保函。";
    public const string GuaranteeExists = "本单位已为该标段登记过电子保函，不能重复登记。";
    public const string GuaranteeNumberTaken = "该承保机构的这一保函编号已登记过，请核对保函编号。";
    public const string WithdrawalTooLate = "投标截止时间已过，不能再撤回投标（依据：" + Withdrawal + "）。";
    public const string NoDeposit = "本单位在该标段没有已到账的投标保证金。";
    public const string AlreadyWithdrawn = "本单位已就该标段发出撤回通知。";
    public const string NotUnmatched = "该回单已匹配，不能再人工匹配。";
    public const string DepositExists = "该市场主体在该标段已有已到账的投标保证金，不能重复匹配；多缴的款项请原路退回。";
    public const string AlreadyRefunded = "该退还事项已登记退还，不能重复登记。";
    public const string SecretBeforeDeadline =
        "投标截止时间前，招标人和招标代理机构不得知悉已提交投标保证金的潜在投标人的名称和数量（依据：" + Secrecy + "）。";
}
