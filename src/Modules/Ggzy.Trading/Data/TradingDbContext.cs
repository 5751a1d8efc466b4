using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Domain.Announcements;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Award;
using Ggzy.Trading.Domain.Bids;
using Ggzy.Trading.Domain.Catalog;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Evaluation.Room;
using Ggzy.Trading.Domain.Opening;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Data;

/// <summary>The Trading module's tables (<c>trading_*</c>); maps the Ledger so a change and its entry save together.</summary>
internal sealed class TradingDbContext(DbContextOptions<TradingDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__trading_migrations";

    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();

    public DbSet<CatalogEntry> CatalogEntries => Set<CatalogEntry>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectFile> ProjectFiles => Set<ProjectFile>();

    public DbSet<Lot> Lots => Set<Lot>();

    public DbSet<LotStep> LotSteps => Set<LotStep>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    public DbSet<AnnouncementLot> AnnouncementLots => Set<AnnouncementLot>();

    public DbSet<AnnouncementInvitee> AnnouncementInvitees => Set<AnnouncementInvitee>();

    public DbSet<AnnouncementAttachment> AnnouncementAttachments => Set<AnnouncementAttachment>();

    public DbSet<InviteeDraw> InviteeDraws => Set<InviteeDraw>();
    public DbSet<LotDocument> LotDocuments => Set<LotDocument>();

    public DbSet<DocumentDownload> DocumentDownloads => Set<DocumentDownload>();

    public DbSet<Clarification> Clarifications => Set<Clarification>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<TradingNotice> TradingNotices => Set<TradingNotice>();
    public DbSet<LotSecurityTerms> SecurityTerms => Set<LotSecurityTerms>();

    public DbSet<BankReceipt> BankReceipts => Set<BankReceipt>();

    public DbSet<BidDeposit> BidDeposits => Set<BidDeposit>();

    public DbSet<BidGuarantee> BidGuarantees => Set<BidGuarantee>();

    public DbSet<DepositRefundDuty> RefundDuties => Set<DepositRefundDuty>();

    public DbSet<BidUpload> BidUploads => Set<BidUpload>();

    public DbSet<Bid> Bids => Set<Bid>();

    public DbSet<BidClosing> BidClosings => Set<BidClosing>();

    public DbSet<BidOpening> BidOpenings => Set<BidOpening>();

    public DbSet<OpeningBid> OpeningBids => Set<OpeningBid>();

    public DbSet<OpeningAttendance> OpeningAttendance => Set<OpeningAttendance>();

    public DbSet<OpeningObjection> OpeningObjections => Set<OpeningObjection>();

    public DbSet<LotOpeningSettings> OpeningSettings => Set<LotOpeningSettings>();

    public DbSet<OpeningRecording> OpeningRecordings => Set<OpeningRecording>();

    public DbSet<EvaluationSetup> EvaluationSetups => Set<EvaluationSetup>();

    public DbSet<EvaluationRoom> EvaluationRooms => Set<EvaluationRoom>();

    public DbSet<EvaluationMember> EvaluationMembers => Set<EvaluationMember>();

    public DbSet<EvaluationVote> EvaluationVotes => Set<EvaluationVote>();

    public DbSet<EvaluationBid> EvaluationBids => Set<EvaluationBid>();

    public DbSet<EvaluationReview> EvaluationReviews => Set<EvaluationReview>();

    public DbSet<EvaluationScore> EvaluationScores => Set<EvaluationScore>();

    public DbSet<EvaluationScoreRevision> EvaluationScoreRevisions => Set<EvaluationScoreRevision>();

    public DbSet<EvaluationJustification> EvaluationJustifications => Set<EvaluationJustification>();

    public DbSet<EvaluationCorrection> EvaluationCorrections => Set<EvaluationCorrection>();

    public DbSet<EvaluationClarification> EvaluationClarifications => Set<EvaluationClarification>();

    public DbSet<EvaluationAdjustment> EvaluationAdjustments => Set<EvaluationAdjustment>();

    public DbSet<EvaluationSignature> EvaluationSignatures => Set<EvaluationSignature>();
    public DbSet<LotAward> LotAwards => Set<LotAward>();

    public DbSet<AwardObjection> AwardObjections => Set<AwardObjection>();

    public DbSet<LotContract> LotContracts => Set<LotContract>();

    public DbSet<PerformanceRecord> PerformanceRecords => Set<PerformanceRecord>();
    public DbSet<LotArchive> LotArchives => Set<LotArchive>();

    public DbSet<LotRetender> LotRetenders => Set<LotRetender>();

    public DbSet<LotTerminationRequest> LotTerminationRequests => Set<LotTerminationRequest>();

    public DbSet<AwardFilingCorrection> AwardFilingCorrections => Set<AwardFilingCorrection>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseGgzyConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapLedger();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TradingDbContext).Assembly);
        modelBuilder.UseSnakeCaseColumns();
    }
}
