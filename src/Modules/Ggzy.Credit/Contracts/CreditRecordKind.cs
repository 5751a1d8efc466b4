namespace Ggzy.Credit.Contracts;

/// <summary>What a credit record says about its subject (R28; the national data set's 奖励、违法违规、黑名单、撤销黑名单、履约信息).</summary>
public enum CreditRecordKind
{
    /// <summary>奖励（表彰）</summary>
    Reward = 1,

    /// <summary>行政处罚</summary>
    Penalty = 2,

    /// <summary>违法违规行为（不良行为记录）</summary>
    Violation = 3,

    /// <summary>失信惩戒：限制或禁止参与公共资源交易（R30）</summary>
    Debarment = 4,

    /// <summary>解除失信惩戒</summary>
    DebarmentLifted = 5,

    /// <summary>履约信息</summary>
    Performance = 6,
}

/// <summary>Whether a record is a first entry, or a later record that corrects or revokes an earlier one.</summary>
public enum CreditRecordAction
{
    /// <summary>录入</summary>
    Original = 1,

    /// <summary>更正：replaces the content of the record it refers to.</summary>
    Correction = 2,

    /// <summary>撤销：cancels the effect of the record it refers to.</summary>
    Revocation = 3,
}

/// <summary>Whom a record is about.</summary>
public enum CreditSubjectKind
{
    /// <summary>市场主体，以统一社会信用代码标识，须已在本平台注册。</summary>
    MarketEntity = 1,

    /// <summary>评标（评审）专家，以居民身份证号码标识，号码不公开。</summary>
    Expert = 2,
}

/// <summary>What a debarred entity is refused (R30).</summary>
public enum DebarredAction
{
    /// <summary>获取招标（采购）文件</summary>
    ObtainTenderDocuments = 1,

    /// <summary>递交投标（响应）文件</summary>
    SubmitBid = 2,

    /// <summary>确定为中标（成交）人</summary>
    Award = 3,
}
