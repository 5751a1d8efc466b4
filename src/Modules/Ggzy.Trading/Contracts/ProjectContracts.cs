namespace Ggzy.Trading.Contracts;

/// <summary>A project registration (受理登记, R4) as a tenderer's or agency's staff submits it; files come separately.</summary>
public sealed class RegisterProjectInput
{
    public string? Name { get; set; }

    /// <summary>Tender (工程建设招标投标) or Procurement (政府采购).</summary>
    public string? Regime { get; set; }

    /// <summary>行业领域 (<see cref="CatalogNames.Sectors"/>).</summary>
    public string? Sector { get; set; }

    /// <summary>
    /// 行业 of a 工程建设 project: 房屋建筑和市政工程 (the default when blank), 交通运输工程 or 水利工程 — it names the project's
    /// administrative supervisory department (国办发〔2000〕34号 第三条). Ignored for the other sectors.
    /// </summary>
    public string? Industry { get; set; }

    /// <summary>项目类型, a word of the catalog such as 施工.</summary>
    public string? ProjectType { get; set; }

    /// <summary>行政区划代码 of the project's place.</summary>
    public string? RegionCode { get; set; }

    /// <summary>统一社会信用代码 of the tenderer; required when an agency registers, ignored when the tenderer does.</summary>
    public string? TendererCode { get; set; }

    /// <summary>依法需要审批/核准: the approval number, authority and file are then required.</summary>
    public bool NeedsApproval { get; set; }

    public string? ApprovalNumber { get; set; }

    public string? ApprovalAuthority { get; set; }

    public string? FundingSource { get; set; }

    /// <summary>The funds in place, in 元.</summary>
    public decimal? FundingAmount { get; set; }

    /// <summary>The tenderer is a municipal state-owned platform company (市属国有平台公司).</summary>
    public bool MunicipalPlatformCompany { get; set; }

    public List<RegisterLotInput> Lots { get; set; } = [];
}

/// <summary>One lot (标段/包) of a registration.</summary>
public sealed class RegisterLotInput
{
    public string? Name { get; set; }

    /// <summary>估算价 or 采购预算 in 元.</summary>
    public decimal? EstimatedAmount { get; set; }

    /// <summary>OpenTender (公开招标) or InvitedTender (邀请招标).</summary>
    public string? Method { get; set; }

    public bool Prequalification { get; set; }
}

/// <summary>
/// A decision on a registration: the center accepts or refuses a submitted one; the Regulator confirms or refuses a
/// municipal platform company's project. A refusal names one statutory reason and the facts.
/// </summary>
public sealed class ProjectDecisionInput
{
    public bool Accept { get; set; }

    /// <summary>NotApproved, OwnershipDisputed, LegallyRestricted or Prohibited; required when refusing.</summary>
    public string? Reason { get; set; }

    /// <summary>The facts of a refusal (required) or what was checked on acceptance (optional).</summary>
    public string? Note { get; set; }
}

/// <summary>An exemption from trading on the platform (R5).</summary>
public sealed class ProjectExemptionInput
{
    /// <summary>StateSecurity, StateSecret, Emergency or DisasterRelief.</summary>
    public string? Reason { get; set; }

    /// <summary>The document the exemption rests on: its title, number and authority.</summary>
    public string? Basis { get; set; }
}
