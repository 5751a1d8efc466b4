using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Features.Projects;

/// <summary>A project in a list: who tenders it, where it stands, which center takes it.</summary>
internal sealed record ProjectSummary(
    Guid Id, string TradeCode, string Name, Regime Regime, string Sector, string ProjectType, string TendererName, string? AgencyName,
    ProjectStatus Status, CatalogVerdict Verdict, string? CenterName, bool MunicipalPlatformCompany, DateTimeOffset RegisteredAt,
    decimal TotalAmount, int LotCount);

/// <summary>A list of projects with the number in each status (of the whole list, before the status filter).</summary>
internal sealed record ProjectList(IReadOnlyList<ProjectSummary> Projects, IReadOnlyDictionary<ProjectStatus, int> Counts);

/// <summary>A registration as those who may read it see it, with its lots, files and decision history.</summary>
internal sealed record ProjectView(
    Guid Id, string TradeCode, string Name, Regime Regime, string Sector, string ProjectType, string RegionCode,
    string TendererCode, string TendererName, string? AgencyCode, string? AgencyName, string RegisteredBy, DateTimeOffset RegisteredAt,
    string? ApprovalNumber, string? ApprovalAuthority, string FundingSource, decimal? FundingAmount, bool MunicipalPlatformCompany,
    CatalogVerdict Verdict, int? CatalogVersion, string? CatalogCitation, Guid? CenterId, string? CenterName,
    ProjectStatus Status, RegistrationRefusal? RefusalReason, string? DecisionNote, DateTimeOffset? DecidedAt, string? DecidedBy,
    DateTimeOffset? RegulatorConfirmedAt, string? RegulatorConfirmedBy, ExemptionReason? Exemption, string? ExemptionBasis,
    string? Industry, string? SupervisoryDepartment, string SupervisoryDepartmentName, string SupervisoryDepartmentCitation,
    IReadOnlyList<LotView> Lots, IReadOnlyList<ProjectFileView> Files, IReadOnlyList<ProjectHistoryItem> History)
{
    public decimal TotalAmount => Lots.Sum(l => l.EstimatedAmount);
}

/// <summary>A lot of a registration.</summary>
internal sealed record LotView(
    Guid Id, int Number, string TradeCode, string Name, decimal EstimatedAmount, ProcurementMethod Method, bool Prequalification, LotState State);

/// <summary>A scanned file of a registration (its content is downloaded separately and the download is on the Ledger).</summary>
internal sealed record ProjectFileView(Guid Id, ProjectFileKind Kind, string FileName, string ContentType, long Size, string Digest,
    DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>One step of a registration, from the Ledger.</summary>
internal sealed record ProjectHistoryItem(long Sequence, DateTimeOffset At, string Actor, string Type, string Summary);

/// <summary>A file's content to send.</summary>
internal sealed record ProjectFileContent(string FileName, string ContentType, Stream Content);

/// <summary>Chinese words for a registration's states, reasons and kinds.</summary>
internal static class ProjectNames
{
    public static string Status(ProjectStatus status) => status switch
    {
        ProjectStatus.Submitted => "已提交，待受理",
        ProjectStatus.AwaitingRegulator => "待公管办确认",
        ProjectStatus.Accepted => "已受理",
        ProjectStatus.Refused => "不予受理",
        ProjectStatus.Exempted => "已登记豁免",
        _ => "",
    };

    public static string Refusal(RegistrationRefusal reason) => reason switch
    {
        RegistrationRefusal.NotApproved => "依法应当履行审批、核准程序而未履行",
        RegistrationRefusal.OwnershipDisputed => "项目权属有争议",
        RegistrationRefusal.LegallyRestricted => "被依法采取限制（强制）措施",
        RegistrationRefusal.Prohibited => "法律、法规或规章规定禁止交易",
        _ => "",
    };

    public static string Exemption(ExemptionReason reason) => reason switch
    {
        ExemptionReason.StateSecurity => "涉及国家安全",
        ExemptionReason.StateSecret => "涉及国家秘密（保密）",
        ExemptionReason.Emergency => "应急抢险",
        ExemptionReason.DisasterRelief => "救灾",
        _ => "",
    };

    public static string Regime(Regime regime) => regime switch
    {
        Domain.Schedule.Regime.Tender => "工程建设招标投标",
        Domain.Schedule.Regime.Procurement => "政府采购",
        _ => "",
    };

    public static string Method(ProcurementMethod method) => method switch
    {
        ProcurementMethod.OpenTender => "公开招标",
        ProcurementMethod.InvitedTender => "邀请招标",
        _ => "",
    };

    public static string FileKind(ProjectFileKind kind) => kind switch
    {
        ProjectFileKind.Approval => "审批（核准）文件",
        ProjectFileKind.Entrustment => "委托合同",
        ProjectFileKind.Funding => "资金落实证明",
        ProjectFileKind.Other => "其他文件",
        _ => "",
    };

    public static string LotState(LotState state) => state switch
    {
        Domain.Schedule.LotState.Draft => "未发布",
        Domain.Schedule.LotState.Announced => "已发布公告",
        Domain.Schedule.LotState.DocumentsOnSale => "文件发售中",
        Domain.Schedule.LotState.BiddingOpen => "投标中",
        Domain.Schedule.LotState.DeadlinePassed => "已截止",
        Domain.Schedule.LotState.Paused => "已暂停",
        Domain.Schedule.LotState.Failed => "已流标（失败）",
        Domain.Schedule.LotState.Terminated => "已终止",
        Domain.Schedule.LotState.Evaluating => "评标中",
        Domain.Schedule.LotState.Evaluated => "评标结束",
        Domain.Schedule.LotState.Publicity => "公示中",
        Domain.Schedule.LotState.Awarded => "已定标",
        Domain.Schedule.LotState.Contracted => "已签合同",
        Domain.Schedule.LotState.Archived => "已归档",
        _ => state.ToString(),
    };

    public static string Step(string type) => type switch
    {
        ProjectLedger.Registered => "登记",
        ProjectLedger.Accepted => "受理",
        ProjectLedger.Referred => "受理并报公管办确认",
        ProjectLedger.Refused => "不予受理",
        ProjectLedger.Confirmed => "公管办确认",
        ProjectLedger.RegulatorRefused => "公管办不予确认",
        ProjectLedger.Exempted => "登记豁免",
        ProjectLedger.FileRead => "下载文件",
        _ => type,
    };
}

/// <summary>The Ledger entry types of registration; the subject is <c>project:{trade code}</c>.</summary>
internal static class ProjectLedger
{
    public const string Registered = "trading.project.registered";
    public const string Accepted = "trading.project.accepted";
    public const string Referred = "trading.project.referred-to-regulator";
    public const string Refused = "trading.project.refused";
    public const string Confirmed = "trading.project.confirmed";
    public const string RegulatorRefused = "trading.project.regulator-refused";
    public const string Exempted = "trading.project.exempted";
    public const string FileRead = "trading.project.file-read";

    public static string Subject(string tradeCode) => $"project:{tradeCode}";
}
