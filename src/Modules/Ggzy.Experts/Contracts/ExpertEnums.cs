namespace Ggzy.Experts.Contracts;

/// <summary>专家状态. Suspension and blacklisting have a period and a reason (Hubei (6), (12)); history is append-only.</summary>
public enum ExpertStatus
{
    /// <summary>在库 (可抽取).</summary>
    Active = 1,

    /// <summary>暂停抽取.</summary>
    Suspended = 2,

    /// <summary>列入黑名单 (清退).</summary>
    Blacklisted = 3,

    /// <summary>退出专家库 (年龄、健康或本人申请).</summary>
    Retired = 4,
}

/// <summary>职称等级. 正高级 and 副高级 are 高级职称 (招标投标法 第三十七条).</summary>
public enum TitleLevel
{
    None = 0,
    Junior = 1,
    Intermediate = 2,
    DeputySenior = 3,
    Senior = 4,
}

/// <summary>专业门类 of the national classification: A 工程, B 货物, C 服务.</summary>
public enum SpecialtySector
{
    Engineering = 1,
    Goods = 2,
    Services = 3,
}

/// <summary>近亲属关系 an expert declares for recusal (实施条例 第四十六条).</summary>
public enum RelativeRelationship
{
    Spouse = 1,
    Parent = 2,
    Child = 3,
    Sibling = 4,
    Grandparent = 5,
    Grandchild = 6,
    InLaw = 7,
    Other = 9,
}

public static class ExpertEnumNames
{
    public static string Label(this ExpertStatus status) => status switch
    {
        ExpertStatus.Active => "在库",
        ExpertStatus.Suspended => "暂停抽取",
        ExpertStatus.Blacklisted => "黑名单",
        ExpertStatus.Retired => "已退出",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(this TitleLevel level) => level switch
    {
        TitleLevel.None => "无职称",
        TitleLevel.Junior => "初级",
        TitleLevel.Intermediate => "中级",
        TitleLevel.DeputySenior => "副高级",
        TitleLevel.Senior => "正高级",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static string Label(this SpecialtySector sector) => sector switch
    {
        SpecialtySector.Engineering => "工程",
        SpecialtySector.Goods => "货物",
        SpecialtySector.Services => "服务",
        _ => throw new ArgumentOutOfRangeException(nameof(sector), sector, null),
    };

    public static string Label(this RelativeRelationship relationship) => relationship switch
    {
        RelativeRelationship.Spouse => "配偶",
        RelativeRelationship.Parent => "父母",
        RelativeRelationship.Child => "子女",
        RelativeRelationship.Sibling => "兄弟姐妹",
        RelativeRelationship.Grandparent => "祖父母、外祖父母",
        RelativeRelationship.Grandchild => "孙子女、外孙子女",
        RelativeRelationship.InLaw => "姻亲",
        RelativeRelationship.Other => "其他近亲属",
        _ => throw new ArgumentOutOfRangeException(nameof(relationship), relationship, null),
    };

    public static bool IsSenior(this TitleLevel level) => level is TitleLevel.Senior or TitleLevel.DeputySenior;
}
