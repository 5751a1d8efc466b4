using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Documents.DocumentScenario;

namespace Ggzy.Trading.Tests.Documents;

/// <summary>
/// Tender documents (20号令 第二十条至第二十二条、实施条例 第二十一条、第二十二条): upload rules, downloads by market
/// entities, the download log's secrecy by role around the deadline, debarment, clarifications that move the deadline
/// and reach every downloader, objections in and out of time, pause and resume.
/// </summary>
public sealed class LotDocumentTests : IAsyncLifetime
{
    private TradingTestHost _host = null!;
    private DocumentScenario _s = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await TradingTestHost.CreateAsync(Ct);
        _s = new DocumentScenario(_host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Upload_OfAWrongType_IsRefusedWithTheAllowedList_AndAfterTheSaleStarts_IsRefused()
    {
        await _s.CreateAsync(onSale: false);

        var wrong = await Should.ThrowAsync<InputValidationException>(() =>
            _s.DocumentsAsync(d => d.UploadAsync(_s.Agency, _s.LotId, Pdf("招标文件.exe"), Ct)));
        var message = string.Concat(wrong.Errors["File"]);
        message.ShouldContain(".pdf");
        message.ShouldContain(".ofd");
        message.ShouldContain("100 MB");
        var tooLarge = new UploadedFile("招标文件.pdf", (100L * 1024 * 1024) + 1, () => new MemoryStream());
        await Should.ThrowAsync<InputValidationException>(() => _s.DocumentsAsync(d => d.UploadAsync(_s.Agency, _s.LotId, tooLarge, Ct)));
        await Should.ThrowAsync<ForbiddenException>(() => _s.DocumentsAsync(d => d.UploadAsync(_s.Bidder, _s.LotId, Pdf(), Ct)));

        var file = await _s.UploadAndOpenSaleAsync();

        file.Digest.Length.ShouldBe(64);
        await Should.ThrowAsync<BusinessRuleException>(() => _s.DocumentsAsync(d => d.UploadAsync(_s.Agency, _s.LotId, Pdf("补充.pdf"), Ct)));
        (await _s.DocumentsAsync(d => d.ViewAsync(_s.Bidder, _s.LotId, Ct))).Documents.Single().FileName.ShouldBe("招标文件.pdf");
        (await _host.LedgerAsync("trading.documents.uploaded", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task DownloadLog_IsSecretFromEveryRoleUntilTheDeadline_ThenShownToStaffButNeverToBidders()
    {
        await _s.CreateAsync(onSale: false);
        var file = await _s.UploadAndOpenSaleAsync();

        (await _s.DownloadAsync(_s.Bidder, file.Id)).Length.ShouldBe((int)file.Size);
        await _s.DownloadAsync(_s.Bidder2, file.Id);
        await _s.DownloadAsync(_s.Bidder2, file.Id);
        await _s.DownloadAsync(_s.Agency, file.Id);

        _host.Clock.SetUtcNow(Deadline.AddTicks(-1));
        foreach (var (name, user) in _s.Staff.Append(("bidder", _s.Bidder)))
        {
            var refusal = await Should.ThrowAsync<ForbiddenException>(() => _s.DocumentsAsync(d => d.DownloadLogAsync(user, _s.LotId, Ct)), name);
            refusal.Message.ShouldContain("第二十一条");
            var view = await _s.DocumentsAsync(d => d.ViewAsync(user, _s.LotId, Ct));
            view.DownloadLog.ShouldBeNull(name);
        }

        var sealedEntries = await _host.LedgerAsync("trading.documents.downloaded", Ct);
        sealedEntries.Count.ShouldBe(3);
        sealedEntries.ShouldAllBe(e => e.Actor == "withheld" && e.Organization == "");
        sealedEntries.ShouldAllBe(e => !e.Payload.Contains(_host.Bidder.CreditCode!) && !e.Payload.Contains(_s.LotTradeCode) && !e.Subject.Contains(_s.LotTradeCode));

        _host.Clock.SetUtcNow(Deadline);
        foreach (var (name, user) in _s.Staff)
        {
            var log = await _s.DocumentsAsync(d => d.DownloadLogAsync(user, _s.LotId, Ct));
            log.Organizations.ShouldBe(2, name);
            log.Records.Count.ShouldBe(3, name);
            log.Records.Select(r => r.CreditCode).Distinct().Order().ShouldBe(new[] { _host.Bidder.CreditCode!, _host.Bidder2.CreditCode! }.Order());
            log.Records.ShouldAllBe(r => r.Digest == file.Digest);
        }

        await Should.ThrowAsync<ForbiddenException>(() => _s.DocumentsAsync(d => d.DownloadLogAsync(_s.Bidder, _s.LotId, Ct)));
        (await _host.LedgerAsync("trading.documents.download-log-read", Ct)).Count.ShouldBe(_s.Staff.Count);
    }

    [Fact]
    public async Task Download_ByADebarredEntity_IsRefusedNamingTheRecord_AndNothingIsLogged()
    {
        await _s.CreateAsync(onSale: false);
        var file = await _s.UploadAndOpenSaleAsync();
        var standing = new DebarredStanding(_host.Bidder.CreditCode!);

        var refusal = await Should.ThrowAsync<BusinessRuleException>(() => _host.RunAsync(async sp =>
        {
            var service = ActivatorUtilities.CreateInstance<LotDocumentService>(sp, (ICreditStanding)standing);
            return await service.DownloadAsync(_s.Bidder, _s.LotId, file.Id, Ct);
        }));

        refusal.Message.ShouldContain("安建限〔2026〕9号");
        standing.Asked.ShouldBe(DebarredAction.ObtainTenderDocuments);
        (await _host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().DocumentDownloads.CountAsync(Ct))).ShouldBe(0);
        (await _host.LedgerAsync("trading.documents.downloaded", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Download_WhileNotOnSale_IsRefusedWithTheArticle()
    {
        await _s.CreateAsync(onSale: false);
        var file = await _s.DocumentsAsync(d => d.UploadAsync(_s.Agency, _s.LotId, Pdf(), Ct));

        var refusal = await Should.ThrowAsync<BusinessRuleException>(() => _s.DownloadAsync(_s.Bidder, file.Id));

        refusal.Message.ShouldContain("第二十条");
    }

    [Fact]
    public async Task Clarification_Inside15Days_MovesTheDeadline_AndNotifiesEveryDownloader()
    {
        await _s.CreateAsync(onSale: false);
        var file = await _s.UploadAndOpenSaleAsync();
        await _s.DownloadAsync(_s.Bidder, file.Id);
        await _s.DownloadAsync(_s.Bidder2, file.Id);
        _host.Clock.SetUtcNow(China("2026-12-05 10:00"));

        var proposal = await _s.DocumentsAsync(d => d.ProposeDeadlineAsync(_s.Agency, _s.LotId, Ct));
        proposal.MustMove.ShouldBeTrue();
        proposal.EarliestDeadline.ShouldBeGreaterThanOrEqualTo(China("2026-12-20 09:30"));
        proposal.Reason.ShouldContain("15");

        var early = await Should.ThrowAsync<BusinessRuleException>(() => _s.DocumentsAsync(d => d.ClarifyAsync(_s.Agency, _s.LotId,
            new ClarificationInput { Text = "工程量清单第 3 项更正。", NewDeadline = proposal.EarliestDeadline.AddDays(-1) }, [], Ct)));
        early.Citation.ShouldNotBeNull();
        var kept = await _s.DocumentsAsync(d => d.ViewAsync(_s.Agency, _s.LotId, Ct));
        kept.Deadline.ShouldBe(Deadline);
        kept.Clarifications.ShouldBeEmpty();
        (await _s.NoticesAsync(n => n.InboxAsync(_s.Bidder, Ct))).Unread.ShouldBe(0);

        var published = await _s.DocumentsAsync(d => d.ClarifyAsync(_s.Agency, _s.LotId,
            new ClarificationInput { Text = "工程量清单第 3 项更正。", NewDeadline = proposal.EarliestDeadline }, [Pdf("澄清.pdf")], Ct));

        published.DeadlineMoved.ShouldBeTrue();
        published.Deadline.ShouldBe(proposal.EarliestDeadline);
        published.AdjustmentReason.ShouldContain("顺延");
        published.Files.Single().FileName.ShouldBe("澄清.pdf");
        foreach (var bidder in new[] { _s.Bidder, _s.Bidder2 })
        {
            var inbox = await _s.NoticesAsync(n => n.InboxAsync(bidder, Ct));
            inbox.Unread.ShouldBe(1);
            inbox.Notices.Single().Title.ShouldContain("第 1 号澄清");
        }

        (await _s.NoticesAsync(n => n.InboxAsync(_s.Tenderer, Ct))).Notices.ShouldBeEmpty();
        var seen = await _s.DocumentsAsync(d => d.ViewAsync(_s.Bidder2, _s.LotId, Ct));
        seen.Deadline.ShouldBe(proposal.EarliestDeadline);
        seen.Clarifications.Single().AdjustmentCitation.ShouldNotBeNullOrEmpty();
        var notice = (await _s.NoticesAsync(n => n.InboxAsync(_s.Bidder, Ct))).Notices.Single();
        await _s.NoticesAsync(async n =>
        {
            await n.MarkReadAsync(_s.Bidder, notice.Id, Ct);
            return true;
        });
        (await _s.NoticesAsync(n => n.InboxAsync(_s.Bidder, Ct))).Unread.ShouldBe(0);
        (await _s.NoticesAsync(n => n.InboxAsync(_s.Bidder2, Ct))).Unread.ShouldBe(1);
        var read = (await _host.LedgerAsync("trading.notice.read", Ct)).Single();
        read.Actor.ShouldBe("withheld");
        read.Organization.ShouldBeEmpty();
        (await _host.LedgerAsync("trading.documents.clarified", Ct)).Single().Payload.ShouldNotContain(_host.Bidder.CreditCode!);
    }

    [Fact]
    public async Task Objection_TooLate_IsRefusedWithTheCitation_AndNothingChanges()
    {
        await _s.CreateAsync(onSale: false);
        var file = await _s.UploadAndOpenSaleAsync();
        await _s.DownloadAsync(_s.Bidder, file.Id);
        _host.Clock.SetUtcNow(China("2026-12-05 10:00"));

        var refusal = await Should.ThrowAsync<BusinessRuleException>(() =>
            _s.DocumentsAsync(d => d.ObjectAsync(_s.Bidder, _s.LotId, new ObjectionInput { Text = "资格条件排斥外地企业。" }, Ct)));

        refusal.Citation.ShouldNotBeNull().ShouldContain("第二十二条");
        refusal.Message.ShouldContain("2026-12-04");
        var view = await _s.DocumentsAsync(d => d.ViewAsync(_s.Agency, _s.LotId, Ct));
        view.State.ShouldBe(LotState.DocumentsOnSale.Label());
        view.Objections.ShouldBeEmpty();
        (await _host.LedgerAsync("trading.objection", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Objection_WithoutADownload_IsRefused()
    {
        await _s.CreateAsync(onSale: false);
        await _s.UploadAndOpenSaleAsync();

        var refusal = await Should.ThrowAsync<BusinessRuleException>(() =>
            _s.DocumentsAsync(d => d.ObjectAsync(_s.Bidder, _s.LotId, new ObjectionInput { Text = "资格条件排斥外地企业。" }, Ct)));

        refusal.Message.ShouldContain("已下载");
    }

    [Fact]
    public async Task Objection_InTime_PausesTheLot_OverdueIsFlagged_TheAnswerResumesIt_AndReachesTheObjector()
    {
        await _s.CreateAsync(onSale: false);
        var file = await _s.UploadAndOpenSaleAsync();
        await _s.DownloadAsync(_s.Bidder, file.Id);
        await _s.DownloadAsync(_s.Bidder2, file.Id);

        var raised = await _s.DocumentsAsync(d => d.ObjectAsync(_s.Bidder, _s.LotId, new ObjectionInput { Text = "资格条件排斥外地企业。" }, Ct));

        raised.PausedLot.ShouldBeTrue();
        raised.Mine.ShouldBeTrue();
        (await _s.DocumentsAsync(d => d.ViewAsync(_s.Agency, _s.LotId, Ct))).State.ShouldBe(LotState.Paused.Label());
        var forTenderer = (await _s.DocumentsAsync(d => d.ViewAsync(_s.Tenderer, _s.LotId, Ct))).Objections.Single();
        forTenderer.Objector.ShouldBeNull();
        (await _s.DocumentsAsync(d => d.ViewAsync(_s.Bidder2, _s.LotId, Ct))).Objections.ShouldBeEmpty();

        _host.Clock.SetUtcNow(raised.AnswerBy.AddMinutes(1));
        (await _s.DocumentsAsync(d => d.ObjectionsAsync(_s.Clerk, Ct))).Single().Overdue.ShouldBeTrue();

        var answered = await _s.DocumentsAsync(d => d.AnswerAsync(_s.Agency, raised.Id, new ObjectionAnswerInput { Answer = "该条款已删除。" }, Ct));

        answered.AnsweredAt.ShouldNotBeNull();
        answered.Overdue.ShouldBeFalse();
        (await _s.DocumentsAsync(d => d.ViewAsync(_s.Agency, _s.LotId, Ct))).State.ShouldBe(LotState.DocumentsOnSale.Label());
        (await _s.NoticesAsync(n => n.InboxAsync(_s.Bidder, Ct))).Notices.Single().Body.ShouldContain("该条款已删除");
        (await _s.NoticesAsync(n => n.InboxAsync(_s.Bidder2, Ct))).Notices.ShouldBeEmpty();
        await Should.ThrowAsync<BusinessRuleException>(() =>
            _s.DocumentsAsync(d => d.AnswerAsync(_s.Agency, raised.Id, new ObjectionAnswerInput { Answer = "再答复。" }, Ct)));
        (await _host.LedgerAsync("trading.objection", Ct)).Select(e => e.Type).ShouldBe(["trading.objection.raised", "trading.objection.answered"]);
    }

    private sealed class DebarredStanding(string code) : ICreditStanding
    {
        public DebarredAction? Asked { get; private set; }

        public Task EnsureNotDebarredAsync(string creditCode, DateTimeOffset at, DebarredAction action, CancellationToken ct)
        {
            Asked = action;
            return creditCode == code
                ? throw new BusinessRuleException($"该主体被限制{CreditRecordNames.Of(action)}：安和市住房和城乡建设局 安建限〔2026〕9号，期限至 2027-06-30。", "《吉林市公共资源交易管理暂行办法》第四十条")
                : Task.CompletedTask;
        }

        public Task<DebarmentStatus> IsDebarredAsync(string creditCode, DateTimeOffset at, CancellationToken ct) => throw new NotSupportedException();

        public Task<CreditGrade> GradeOfAsync(string creditCode, DateTimeOffset at, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<CreditRecordInfo>> RecordsOfEntityAsync(string creditCode, bool includeConfidential, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<CreditRecordInfo>> RecordsOfExpertAsync(string idNumber, bool includeConfidential, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<DebarmentStatus> IsExpertDebarredAsync(string idNumber, DateTimeOffset at, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> DebarredExpertKeysAsync(DateTimeOffset at, CancellationToken ct) => throw new NotSupportedException();
    }
}
