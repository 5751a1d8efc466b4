using Ggzy.Platform.Identity;
using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Trading.Contracts;

/// <summary>The Trading module's permissions.</summary>
public static class TradingPermissions
{
    /// <summary>Draft a new version of the trading catalog and submit it for approval (R1).</summary>
    public const string DraftCatalog = "trading.catalog.draft";

    /// <summary>Approve or reject a submitted catalog version and publish an approved one (R1).</summary>
    public const string ApproveCatalog = "trading.catalog.approve";

    /// <summary>See every catalog version, drafts and pending ones included, with their history.</summary>
    public const string ReadCatalogVersions = "trading.catalog.read-versions";

    /// <summary>Register a project with its lots and files (受理登记, R4): the tenderer's or the agency's staff.</summary>
    public const string RegisterProject = "trading.project.register";

    /// <summary>Accept or refuse a registration, or record an exemption (R4, R5): the center that takes the project.</summary>
    public const string DecideProject = "trading.project.decide";

    /// <summary>Confirm (or refuse) a municipal platform company's project (R4).</summary>
    public const string ConfirmProject = "trading.project.confirm";

    /// <summary>Read registrations; which ones follows the resource (TradingUser.MayRead).</summary>
    public const string ReadProjects = "trading.project.read";
    /// <summary>Compose, publish and amend a project's announcements and invitations (resource: the project's tenderer or agency).</summary>
    public const string ComposeAnnouncement = "trading.announcement.compose";

    /// <summary>Read announcements and invitations beyond the public portal (resource: runs or supervises the project, or is invited).</summary>
    public const string ReadAnnouncements = "trading.announcement.read";

    /// <summary>Pause, resume or terminate a lot's procedure (resource: the project's tenderer or agency).</summary>
    public const string ManageProcedure = "trading.procedure.manage";

    /// <summary>Confirm or refuse a 工程 lot's termination before it takes effect (the supervisory department; Jilin-Rules §17).</summary>
    public const string ConfirmTermination = "trading.procedure.confirm-termination";

    /// <summary>List the terminations waiting for a supervisory department's confirmation (its own department's; the Regulator: all).</summary>
    public const string ReadPendingTerminations = "trading.procedure.pending-terminations";

    /// <summary>Correct a recorded filing's date (the written report to the supervisor, the report's delivery), with a reason (the center's staff).</summary>
    public const string CorrectFiling = "trading.award.correct-filing";

    /// <summary>Read a lot's procedure: its state, schedule and steps (resource: runs or supervises the project).</summary>
    public const string ReadProcedure = "trading.procedure.read";
    /// <summary>Upload a lot's documents, publish clarifications and answer objections (the tenderer's or agency's staff).</summary>
    public const string ManageDocuments = "trading.documents.manage";

    /// <summary>Download a lot's documents while they are on sale (any market entity; 20号令 第二十条).</summary>
    public const string DownloadDocuments = "trading.documents.download";

    /// <summary>Open a lot's documents page: files, clarifications, objections; the download log only after the deadline.</summary>
    public const string ReadDocuments = "trading.documents.read";

    /// <summary>Raise an objection to a lot's documents (实施条例 第二十二条).</summary>
    public const string RaiseObjection = "trading.objection.raise";

    /// <summary>Read the organisation's trading notices (clarifications, answers to objections).</summary>
    public const string ReadNotices = "trading.notices.read";
    /// <summary>State a lot's bid security terms (amount, forms, custody account, validity) with the tender documents (R12).</summary>
    public const string SecurityTerms = "trading.security.terms";

    /// <summary>Hold bid securities in custody: import bank receipts, match deposits, see every security, record refunds (R12).</summary>
    public const string SecurityCustody = "trading.security.custody";

    /// <summary>Register an electronic guarantee for a lot and see one's own deposits and guarantees.</summary>
    public const string SecurityGuarantee = "trading.security.guarantee";

    /// <summary>Submit, replace and withdraw the organisation's sealed bids and see their receipts (20号令 第二十六、二十七条).</summary>
    public const string SubmitBids = "trading.bids.submit";

    /// <summary>See a lot's bids after its deadline (resource: runs or supervises the project; the center).</summary>
    public const string ReadBids = "trading.bids.read";

    /// <summary>Set a lot's opening settings and answer objections raised at its opening (resource: the project's tenderer or agency).</summary>
    public const string ManageOpening = "trading.opening.manage";

    /// <summary>Host a lot's opening: close the decryption, read out, close the opening (the center's staff).</summary>
    public const string HostOpening = "trading.opening.host";

    /// <summary>Take part in an opening as a bidder: sign in, decrypt the own bid, confirm the record, raise objections.</summary>
    public const string AttendOpening = "trading.opening.attend";

    /// <summary>List and download archive packages (resource: the project's tenderer or agency; the Regulator and supervisors: every one).</summary>
    public const string ReadArchive = "trading.archive.read";

    /// <summary>Watch an opening from its deadline on (resource: runs, hosts or supervises the lot, or bid on it; social supervisors).</summary>
    public const string WatchOpening = "trading.opening.watch";

    /// <summary>Publish the candidate publicity, answer objections to the result, award, draft and publish the contract, add performance records (resource: the project's tenderer or agency).</summary>
    public const string ManageAward = "trading.award.manage";

    /// <summary>See a lot's award and contract (resource: runs or supervises the project, or bid on the lot: then only its own score).</summary>
    public const string ReadAward = "trading.award.read";

    /// <summary>Sign a contract as a party (resource: the purchaser's or the winner's own user).</summary>
    public const string SignContract = "trading.contract.sign";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(DraftCatalog, "起草交易目录新版本并提交审批", [CenterAdministrator, CenterStaff]),
        new(ReadCatalogVersions, "查看交易目录的全部版本（含草稿和待审批版本）", [CenterAdministrator, CenterStaff, Regulator]),
        new(ApproveCatalog, "审批、发布交易目录", [Regulator]),
        new(RegisterProject, "登记交易项目（含标段和扫描件）", [Tenderer, Agency]),
        new(DecideProject, "受理、不予受理交易项目，登记豁免", [CenterStaff, CenterAdministrator]),
        new(ConfirmProject, "确认市属国有平台公司的交易项目", [Regulator]),
        new(ReadProjects, "查看交易项目登记（招标人、代理机构限本单位项目）", [Tenderer, Agency, CenterStaff, CenterAdministrator, Regulator, Supervisor]),
        new(ComposeAnnouncement, "编制、发布招标（采购、资格预审）公告、投标邀请书和更正公告", [Tenderer, Agency]),
        new(ReadAnnouncements, "查看公告草稿、定时公告和投标邀请书", [Tenderer, Agency, Bidder, CenterAdministrator, CenterStaff, Regulator, Supervisor]),
        new(ManageProcedure, "暂停、恢复、终止标段的招标程序", [Tenderer, Agency]),
        new(ConfirmTermination, "确认或不予确认工程建设项目标段的终止（确认后方终止并发布终止公告）", [Supervisor]),
        new(ReadPendingTerminations, "查看待行政监督部门确认的终止申请（行政监督部门限本部门监督的项目）", [Supervisor, Regulator]),
        new(CorrectFiling, "更正已登记的书面报告提交日期、评标报告送达日期（须写明理由，原记录保留）", [CenterStaff, CenterAdministrator]),
        new(ReadProcedure, "查看标段的程序状态、时间安排和记录", [Tenderer, Agency, CenterAdministrator, CenterStaff, Regulator, Supervisor]),
        new(ManageDocuments, "上传招标（采购）文件、发布澄清或者修改、答复异议", [Tenderer, Agency]),
        new(DownloadDocuments, "下载招标（采购）文件", [Bidder, Tenderer, Agency]),
        new(ReadDocuments, "查看标段的招标文件、澄清和异议（下载记录于投标截止后查看）", [CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer, Agency, Bidder]),
        new(RaiseObjection, "对招标（采购）文件提出异议", [Bidder]),
        new(ReadNotices, "查看本单位的交易通知", [Tenderer, Agency, Bidder, Supervisor]),
        new(SecurityTerms, "设定标段的投标保证金要求（金额、形式、托管账户、有效期）", [Tenderer, Agency]),
        new(SecurityCustody, "托管投标保证金：导入银行回单、匹配保证金、查看全部保证金和保函、登记退还", [CenterStaff, CenterAdministrator]),
        new(SecurityGuarantee, "为标段登记电子保函，查看本单位的保证金和保函", [Bidder]),
        new(SubmitBids, "递交、替换、撤回本单位的加密投标（响应）文件，查看回执", [Bidder]),
        new(ReadBids, "投标截止后查看标段收到的投标文件（递交时间、摘要、大小）", [Tenderer, Agency, CenterStaff, CenterAdministrator, Regulator, Supervisor]),
        new(ManageOpening, "设定标段的开标事项（唱标内容、解密时限、补救方案、标底或最高投标限价），当场答复开标异议", [Tenderer, Agency]),
        new(HostOpening, "主持开标：结束解密、唱标、结束开标", [CenterStaff, CenterAdministrator]),
        new(AttendOpening, "参加开标：签到、解密本单位的投标文件、确认开标记录、提出开标异议", [Bidder]),
        new(ManageAward, "发布中标候选人公示、答复对评标结果的异议、定标并发出中标通知书、起草和公告合同、添加履约记录", [Tenderer, Agency]),
        new(ReadAward, "查看标段的定标与合同（投标人限本单位的得分与排序、中标通知书和合同）", [Tenderer, Agency, Bidder, CenterStaff, CenterAdministrator, Regulator, Supervisor]),
        new(SignContract, "以合同当事人（采购人或中标人）身份签署合同", [Tenderer, Bidder]),
        new(WatchOpening, "投标截止后进入开标大厅观看开标", [Tenderer, Agency, Bidder, CenterStaff, CenterAdministrator, Regulator, Supervisor, SocialSupervisor]),
        new(ReadArchive, "查看、免费下载归档包（招标人、代理机构限本单位项目）", [Tenderer, Agency, CenterStaff, CenterAdministrator, Regulator, Supervisor]),
    ];
}
