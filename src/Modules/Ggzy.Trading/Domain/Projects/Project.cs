using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Projects;

/// <summary>
/// A project registered on the platform (受理登记, R4): who tenders it, its approval, funding and lots, what the catalog
/// said about it and which center takes it, and the center's decision. Every project and lot carries a unified trade
/// code (统一交易标识码, R39, <see cref="TradeCodes"/>).
/// </summary>
internal sealed class Project
{
    public Guid Id { get; init; }

    /// <summary>统一交易标识码 of the project (20 characters).</summary>
    public required string TradeCode { get; init; }

    public required string Name { get; set; }

    /// <summary>The law the project's procedures run under.</summary>
    public Regime Regime { get; init; }

    /// <summary>The catalog sector (<see cref="CatalogNames.Sectors"/>).</summary>
    public required string Sector { get; init; }

    public required string ProjectType { get; init; }

    /// <summary>
    /// The sector of its administrative supervisory department (住建, 财政 …; <see cref="SupervisoryDepartments"/>), recorded at
    /// registration; only that department's supervisors confirm or refuse its lots' terminations.
    /// </summary>
    public string? SupervisoryDepartment { get; init; }

    /// <summary>行政区划代码 of the project's place.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The tenderer (招标人/采购人): its organisation, credit code and name at registration.</summary>
    public Guid TendererId { get; init; }

    public required string TendererCode { get; init; }

    public required string TendererName { get; init; }

    /// <summary>The agency (招标代理机构) the tenderer entrusted, if any.</summary>
    public Guid? AgencyId { get; init; }

    public string? AgencyCode { get; init; }

    public string? AgencyName { get; init; }

    /// <summary>The account that registered the project (the tenderer's or the agency's staff).</summary>
    public required string RegisteredBy { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>审批/核准/备案 文号, when the project needs approval.</summary>
    public string? ApprovalNumber { get; set; }

    /// <summary>The authority that approved it.</summary>
    public string? ApprovalAuthority { get; set; }

    /// <summary>资金来源 (财政资金、自筹资金 …).</summary>
    public required string FundingSource { get; set; }

    /// <summary>The funds in 元 that are in place for the project.</summary>
    public decimal? FundingAmount { get; set; }

    /// <summary>The tenderer is a municipal state-owned platform company: acceptance waits for the Regulator (R4).</summary>
    public bool MunicipalPlatformCompany { get; init; }

    /// <summary>What the catalog said at registration (R1–R3).</summary>
    public CatalogVerdict Verdict { get; init; }

    public int? CatalogVersion { get; init; }

    public string? CatalogCitation { get; init; }

    /// <summary>The center or branch center that takes the project (R2).</summary>
    public Guid? CenterId { get; init; }

    public string? CenterName { get; init; }

    public ProjectStatus Status { get; set; }

    /// <summary>The statutory reason a refused registration gives.</summary>
    public RegistrationRefusal? RefusalReason { get; set; }

    /// <summary>The staff's note on a decision: the facts of a refusal, or what was checked on acceptance.</summary>
    public string? DecisionNote { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>The Regulator's confirmation of a municipal platform company's project.</summary>
    public DateTimeOffset? RegulatorConfirmedAt { get; set; }

    public string? RegulatorConfirmedBy { get; set; }

    /// <summary>The reason a project that must enter is exempted from trading on the platform (R5).</summary>
    public ExemptionReason? Exemption { get; set; }

    /// <summary>The document the exemption rests on (批准文件 文号 and its authority).</summary>
    public string? ExemptionBasis { get; set; }

    public List<Lot> Lots { get; init; } = [];

    public List<ProjectFile> Files { get; init; } = [];

    /// <summary>Whether the center accepted the project, so that its lots' procedures may run.</summary>
    public bool IsAccepted => Status == ProjectStatus.Accepted;

    /// <summary>Whether an organisation speaks for the project: the tenderer or its agency.</summary>
    public bool IsRunBy(Guid organizationId) => organizationId == TendererId || organizationId == AgencyId;
}

/// <summary>Where a registration stands (R4, R5).</summary>
internal enum ProjectStatus
{
    /// <summary>已提交，待受理.</summary>
    Submitted = 1,

    /// <summary>待公管办确认: a municipal state-owned platform company's project (R4).</summary>
    AwaitingRegulator = 2,

    /// <summary>已受理.</summary>
    Accepted = 3,

    /// <summary>不予受理, with its statutory reason.</summary>
    Refused = 4,

    /// <summary>已豁免进场, with its reason (R5).</summary>
    Exempted = 5,
}

/// <summary>The statutory reasons a registration is refused (R4: 吉林省办法第十八条、规则第十一条).</summary>
internal enum RegistrationRefusal
{
    /// <summary>依法应当审批、核准而未审批、核准.</summary>
    NotApproved = 1,

    /// <summary>权属存在争议.</summary>
    OwnershipDisputed = 2,

    /// <summary>被依法限制交易.</summary>
    LegallyRestricted = 3,

    /// <summary>法律法规禁止交易.</summary>
    Prohibited = 4,
}

/// <summary>Why a project is exempted from entering the platform (R5: 吉林省办法第十五条).</summary>
internal enum ExemptionReason
{
    /// <summary>涉及国家安全.</summary>
    StateSecurity = 1,

    /// <summary>涉及国家秘密.</summary>
    StateSecret = 2,

    /// <summary>抢险等紧急情况.</summary>
    Emergency = 3,

    /// <summary>救灾.</summary>
    DisasterRelief = 4,
}

/// <summary>A scanned document of a registration.</summary>
internal sealed class ProjectFile
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public ProjectFileKind Kind { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    /// <summary>The SM3 digest of the content, which is its id in the blob store.</summary>
    public required string Digest { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public required string UploadedBy { get; init; }
}

/// <summary>What a registration's file is.</summary>
internal enum ProjectFileKind
{
    /// <summary>审批/核准/备案文件.</summary>
    Approval = 1,

    /// <summary>招标代理委托合同.</summary>
    Entrustment = 2,

    /// <summary>资金落实证明.</summary>
    Funding = 3,

    /// <summary>其他.</summary>
    Other = 4,
}
