using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Signing;
using Ggzy.Platform.Time;
using Ggzy.Sealing;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Bids;
using Ggzy.Trading.Domain.Opening;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Bids;
using Ggzy.Trading.Features.Opening;
using Ggzy.Trading.Features.Procedures;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's openings (docs/bid-opening.md): the 东湖公园 project's three lots, whose deadlines have passed, each holding
/// sealed bids of 宏远 (bidder), 恒泰 (bidder2) and 鼎盛 (bidder3), each sealed with its account's demo certificate.
/// 景观绿化 was opened, read out and closed (its record published); 园路铺装 had two bids and
/// failed; 照明给排水 is in its decryption window (4 hours from seeding), 宏远 has decrypted, the others not yet. The
/// closed opening has a registered recording of the center's recording system.
/// The 政府采购 goods of <see cref="PurchaseProject"/> have four lots opened the same way (20 days ago, 5 hours ago and two yesterday),
/// whose 开标一览表 read out goods items (交货期, 质保期, and 品牌型号 for the single-product 交互式智能黑板) instead of 工期.
/// The 沿江大道 works (<see cref="RoadProject"/>) have three lots opened and closed at their deadlines — 25 days ago, yesterday
/// and three hours ago — for the evaluation demo (<see cref="EvaluationDemoSeeder"/>), each step at the time it happened.
/// Everything but the bids' arrival goes through the opening service, so the Ledger tells it as it would happen.
/// </summary>
internal sealed class OpeningDemoSeeder(
    TradingDbContext db, PlatformDbContext platform, TradeCodeAllocator codes, ITradingCatalog catalog, StatutoryTimingSource timings,
    BidVault vault, PlatformSigner signer, BidSubmissionService bids, BidOpeningService openings, LedgerWriter ledger,
    IOptions<DatabaseOptions> database, IServiceProvider services, TimeProvider clock) : IDemoSeeder
{
    public const string ParkProject = "安和市东湖公园景观提升工程";
    public const string RoadProject = "安和市沿江大道市政改造工程";

    /// <summary>The 沿江大道 lots: contracted and archived (deadline 25 days ago), in publicity (yesterday), in evaluation (3 hours ago).</summary>
    public const string RoadContracted = "道路及排水工程施工";
    public const string RoadPublicity = "桥梁维修加固施工";
    public const string RoadEvaluating = "路灯及交通设施施工";

    /// <summary>
    /// The 政府采购 goods project (<see cref="ProcurementEvaluationDemoSeeder"/>): one lot contracted and archived (deadline 20 days
    /// ago), one in evaluation (5 hours ago), and two opened yesterday that wait for their committee.
    /// </summary>
    public const string PurchaseProject = "安和市第三中学教学设备采购项目";
    public const string PurchaseContracted = "理化生实验室仪器";
    public const string PurchaseEvaluating = "交互式智能黑板";
    public const string PurchaseOpenedScoring = "图书馆家具";
    public const string PurchaseOpenedLowest = "体育器材";

    private static readonly (string Name, string Certificate)[] Leaders =
        [("周立伟", "建造师 安和1992019000123（演示）"), ("许志刚", "建造师 安和1992018000456（演示）"), ("马晓东", "建造师 安和1992020000789（演示）")];

    private static readonly string[] BidderAccounts = ["bidder", "bidder2", "bidder3"];

    // The goods lots' 开标一览表: 交货期 and 质保期, and each bidder's 品牌型号 where the lot is a single product.
    private static readonly Dictionary<string, GoodsItems> Goods = new(StringComparer.Ordinal)
    {
        [PurchaseContracted] = new("合同签订后30日内", "3年"),
        [PurchaseEvaluating] = new("合同签订后20日内", "5年", ["智教 ZJ-86A 86英寸（演示）", "慧屏 HP-8600 86英寸（演示）", "明课 MK-86S 86英寸（演示）"]),
        [PurchaseOpenedScoring] = new("合同签订后45日内", "3年"),
        [PurchaseOpenedLowest] = new("合同签订后30日内", "2年"),
    };

    public int Order => 160;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.BidOpenings.AnyAsync(ct) || await db.Projects.AnyAsync(p => p.Name == ParkProject, ct))
        {
            return;
        }

        var folder = Path.Combine(database.Value.DataDirectory, DemoCertificates.FolderName);
        var orgs = await platform.Organizations.AsNoTracking().Where(o => o.CreditCode != null).ToDictionaryAsync(o => o.Name, StringComparer.Ordinal, ct);
        string NameOf(string key) => DemoAccounts.Organizations.Single(o => o.Key == key).Name;
        if (!orgs.TryGetValue(NameOf("owner"), out var tenderer) || !orgs.TryGetValue(NameOf("agency"), out var agency)
            || !orgs.TryGetValue(NameOf("bidder1"), out var first) || !orgs.TryGetValue(NameOf("bidder2"), out var second)
            || !orgs.TryGetValue(NameOf("bidder3"), out var third)
            || !BidderAccounts.All(u => File.Exists(Path.Combine(folder, u + ".key.pem")))
            || await catalog.CurrentAsync(clock.GetUtcNow(), ct) is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var bidders = new List<DemoBidder>
        {
            await LoadAsync(folder, "bidder", first.Id, first.Name, first.CreditCode!, ct),
            await LoadAsync(folder, "bidder2", second.Id, second.Name, second.CreditCode!, ct),
            await LoadAsync(folder, "bidder3", third.Id, third.Name, third.CreditCode!, ct),
        };

        var project = await ProjectAsync(tenderer, agency, now.AddDays(-75), ParkProject, 11_400_000m, "安发改审批〔2026〕76号", ct);
        var today = clock.Today();
        var validator = new ScheduleValidator(await timings.ForRegionAsync(DemoAccounts.CityRegion, ct));
        var opened = Lot(project, "景观绿化施工", 6_800_000m);
        var failed = Lot(project, "园路及铺装施工", 2_900_000m);
        var decrypting = Lot(project, "照明及给排水施工", 1_700_000m);
        Schedule(opened, today.AddDays(-30), validator);
        Schedule(failed, today.AddDays(-30), validator);
        Schedule(decrypting, today, validator, deadlineNow: now.AddMinutes(-5));
        db.OpeningSettings.Add(new LotOpeningSettings
        {
            LotId = opened.Id,
            ItemsJson = """["工期","质量","项目负责人"]""",
            DecryptionMinutes = 30,
            Fallback = "因投标人原因解密失败的，可在解密时间结束前到安和市公共资源交易中心用投标文件的备份光盘解密。",
            ReferencePrice = 6_520_000m,
            MaxPrice = 6_800_000m,
            UpdatedAt = At(today.AddDays(-50), 10),
            UpdatedBy = "agency",
        });
        db.OpeningSettings.Add(new LotOpeningSettings
        {
            LotId = decrypting.Id,
            ItemsJson = """["工期","质量","项目负责人"]""",
            DecryptionMinutes = 240,
            MaxPrice = 1_700_000m,
            UpdatedAt = At(today.AddDays(-40), 10),
            UpdatedBy = "agency",
        });
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.project.registered", $"project:{project.TradeCode}", new
        {
            tradeCode = project.TradeCode,
            name = project.Name,
            status = project.Status.ToString(),
            lots = project.Lots.Select(l => new { l.TradeCode, l.Name, state = l.State.ToString() }),
            demo = true,
        }), ct);

        // The bids arrived before each deadline (as the submission service stores them), then the clock's steps run now.
        await PlaceAsync(opened, bidders, ["6480000.00", "6395500.00", "6611000.00"], ct);
        await PlaceAsync(failed, bidders.Take(2).ToList(), ["2830000.00", "2790000.00"], ct);
        await PlaceAsync(decrypting, bidders, ["1650000.00", "1628800.00", "1666000.00"], ct);
        foreach (var lot in new[] { opened, failed, decrypting })
        {
            await bids.CloseAsync(lot.Id, now, ct);
            await openings.ExtractAsync(lot.Id, now, ct);
        }

        var clerk = Person("clerk", Roles.CenterStaff, null);
        foreach (var bidder in bidders)
        {
            await openings.SignInAsync(bidder.Principal, opened.Id, new OpeningSignInInput(null, null), ct);
            await openings.DecryptAsync(bidder.Principal, opened.Id, new OpeningDecryptInput(await KeyAsync(opened, bidder, ct)), ct);
        }

        var hall = await openings.ReadOutAsync(clerk, opened.Id, ct);
        await openings.ConfirmAsync(bidders[0].Principal, opened.Id, new OpeningConfirmInput(hall.Record!.Digest), ct);
        var objection = await openings.RaiseObjectionAsync(bidders[1].Principal, opened.Id,
            new OpeningObjectionInput("安和鼎盛的开标一览表工期是否响应招标文件要求？"), ct);
        await openings.AnswerObjectionAsync(Person("agency", Roles.Agency, agency.Id), opened.Id, objection.Id,
            new OpeningAnswerInput("开标只公布开标一览表的内容，是否响应招标文件由评标委员会评审；异议已记录。"), ct);
        await openings.CloseAsync(clerk, opened.Id, ct);

        // The center's recording system filmed the opening room; the clerk registers the file (87号令 第三十九条).
        var filmed = opened.Deadline!.Value.AddMinutes(-10);
        await openings.RegisterRecordingAsync(clerk, opened.Id, new OpeningRecordingInput(
            "rec://anhe-ggzy/kaibiao-2/" + filmed.ToOffset(ChinaTime.Offset).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture)
                + "-" + opened.TradeCode + ".mp4",
            Sm3.HashHex(Encoding.UTF8.GetBytes($"演示录像 {opened.TradeCode}")), filmed, filmed.AddMinutes(95),
            "第二开标室全景及主持人位，录音录像系统自动生成（演示）"), ct);

        await openings.SignInAsync(bidders[0].Principal, decrypting.Id, new OpeningSignInInput(null, null), ct);
        await openings.DecryptAsync(bidders[0].Principal, decrypting.Id, new OpeningDecryptInput(await KeyAsync(decrypting, bidders[0], ct)), ct);
        await RoadAsync(tenderer, agency, bidders, validator, ct);
        await PurchaseAsync(tenderer, agency, bidders, validator, ct);
    }

    // The 沿江大道 works: three lots, three bids each, opened at their deadlines — each step at the time it happened.
    private async Task RoadAsync(Organization tenderer, Organization agency, List<DemoBidder> bidders, ScheduleValidator validator, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var project = await ProjectAsync(tenderer, agency, now.AddDays(-70), RoadProject, 8_590_000m, "安发改审批〔2026〕91号", ct);
        var contracted = Lot(project, RoadContracted, 4_860_000m);
        var publicity = Lot(project, RoadPublicity, 2_350_000m);
        var evaluating = Lot(project, RoadEvaluating, 1_380_000m);
        Schedule(contracted, today.AddDays(-25), validator);
        Schedule(publicity, today.AddDays(-1), validator);
        Schedule(evaluating, today, validator, deadlineNow: now.AddHours(-3));
        foreach (var lot in new[] { contracted, publicity, evaluating })
        {
            db.OpeningSettings.Add(new LotOpeningSettings
            {
                LotId = lot.Id,
                ItemsJson = """["工期","质量","项目负责人","项目负责人证书"]""",
                DecryptionMinutes = 30,
                MaxPrice = lot.EstimatedAmount,
                UpdatedAt = lot.Deadline!.Value.AddDays(-20),
                UpdatedBy = "agency",
            });
        }

        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.project.registered", $"project:{project.TradeCode}", new
        {
            tradeCode = project.TradeCode,
            name = project.Name,
            status = project.Status.ToString(),
            lots = project.Lots.Select(l => new { l.TradeCode, l.Name, state = l.State.ToString() }),
            demo = true,
        }), ct);

        await PlaceAsync(contracted, bidders, ["4712000.00", "4655800.00", "4798000.00"], ct, Leaders);
        await PlaceAsync(publicity, bidders, ["2296000.00", "2318500.00", "2271000.00"], ct, Leaders);
        await PlaceAsync(evaluating, bidders, ["1342000.00", "1356600.00", "1329000.00"], ct, Leaders);
        await OpenAtDeadlinesAsync([contracted, publicity, evaluating], bidders, ct);
    }

    // The 政府采购 goods: four lots, three bids each, opened at their deadlines — each step at the time it happened.
    private async Task PurchaseAsync(Organization tenderer, Organization agency, List<DemoBidder> bidders, ScheduleValidator validator, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var project = await ProjectAsync(tenderer, agency, now.AddDays(-65), PurchaseProject, 6_260_000m, "安财采计〔2026〕1208号", ct, Regime.Procurement);
        var contracted = Lot(project, PurchaseContracted, 1_960_000m);
        var evaluating = Lot(project, PurchaseEvaluating, 2_380_000m);
        var scoring = Lot(project, PurchaseOpenedScoring, 1_150_000m);
        var lowest = Lot(project, PurchaseOpenedLowest, 770_000m);
        Schedule(contracted, today.AddDays(-20), validator, regime: Regime.Procurement);
        Schedule(evaluating, today, validator, deadlineNow: now.AddHours(-5), regime: Regime.Procurement);
        Schedule(scoring, today.AddDays(-1), validator, regime: Regime.Procurement);
        Schedule(lowest, today.AddDays(-1), validator, regime: Regime.Procurement);
        foreach (var lot in project.Lots)
        {
            db.OpeningSettings.Add(new LotOpeningSettings
            {
                LotId = lot.Id,
                ItemsJson = Goods[lot.Name].ItemsJson,
                DecryptionMinutes = 30,
                MaxPrice = lot.EstimatedAmount,
                UpdatedAt = lot.Deadline!.Value.AddDays(-20),
                UpdatedBy = "agency",
            });
        }

        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.project.registered", $"project:{project.TradeCode}", new
        {
            tradeCode = project.TradeCode,
            name = project.Name,
            status = project.Status.ToString(),
            lots = project.Lots.Select(l => new { l.TradeCode, l.Name, state = l.State.ToString() }),
            demo = true,
        }), ct);

        await PlaceAsync(contracted, bidders, ["1898000.00", "1921500.00", "1876000.00"], ct, goods: Goods[contracted.Name]);
        await PlaceAsync(evaluating, bidders, ["2315000.00", "2298800.00", "2356000.00"], ct, goods: Goods[evaluating.Name]);
        await PlaceAsync(scoring, bidders, ["1120000.00", "1098000.00", "1136500.00"], ct, goods: Goods[scoring.Name]);
        await PlaceAsync(lowest, bidders, ["752000.00", "748600.00", "760300.00"], ct, goods: Goods[lowest.Name]);
        await OpenAtDeadlinesAsync([.. project.Lots], bidders, ct);
    }

    // Each lot extracted at its deadline, decrypted by every bidder, read out, confirmed and closed.
    private async Task OpenAtDeadlinesAsync(IReadOnlyList<Lot> lots, List<DemoBidder> bidders, CancellationToken ct)
    {
        var clerk = Person("clerk", Roles.CenterStaff, null);
        foreach (var lot in lots)
        {
            var deadline = lot.Deadline!.Value;
            await bids.CloseAsync(lot.Id, deadline, ct);
            await OpeningAt(deadline).ExtractAsync(lot.Id, deadline, ct);
            for (var i = 0; i < bidders.Count; i++)
            {
                var hall = OpeningAt(deadline.AddMinutes(3 + (i * 4)));
                await hall.SignInAsync(bidders[i].Principal, lot.Id, new OpeningSignInInput(null, null), ct);
                await hall.DecryptAsync(bidders[i].Principal, lot.Id, new OpeningDecryptInput(await KeyAsync(lot, bidders[i], ct)), ct);
            }

            var record = await OpeningAt(deadline.AddMinutes(25)).ReadOutAsync(clerk, lot.Id, ct);
            await OpeningAt(deadline.AddMinutes(30)).ConfirmAsync(bidders[0].Principal, lot.Id, new OpeningConfirmInput(record.Record!.Digest), ct);
            await OpeningAt(deadline.AddMinutes(40)).CloseAsync(clerk, lot.Id, ct);
        }
    }

    // The opening service with the clock of the moment a past step happened.
    private BidOpeningService OpeningAt(DateTimeOffset at) => ActivatorUtilities.CreateInstance<BidOpeningService>(services, new FixedClock(at));

    /// <summary>The time a past step of the demo happened at.</summary>
    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    /// <summary>A goods lot's read-out items: 交货期, 质保期 and, when given, each bidder's (by arrival) 品牌型号.</summary>
    private sealed record GoodsItems(string Delivery, string Warranty, string[]? Models = null)
    {
        public string ItemsJson => Models is null ? """["交货期","质保期"]""" : """["品牌型号","交货期","质保期"]""";

        public Dictionary<string, string> Of(int bidder, string remark)
        {
            var items = new Dictionary<string, string>(StringComparer.Ordinal) { ["交货期"] = Delivery, ["质保期"] = Warranty, ["备注"] = remark };
            if (Models is not null)
            {
                items["品牌型号"] = Models[bidder];
            }

            return items;
        }
    }

    private sealed record DemoBidder(string User, Guid OrganizationId, string Name, string CreditCode, CertificateWithKey Certificate)
    {
        public ClaimsPrincipal Principal => Person(User, Roles.Bidder, OrganizationId);
    }

    private static ClaimsPrincipal Person(string name, string role, Guid? organizationId)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (organizationId is { } id)
        {
            claims.Add(new Claim(GgzyClaims.OrganizationId, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "demo"));
    }

    private static async Task<DemoBidder> LoadAsync(string folder, string user, Guid organizationId, string name, string code, CancellationToken ct) =>
        new(user, organizationId, name, code, new CertificateWithKey(
            Certificate.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, user + ".cert.pem"), ct)),
            PrivateKey.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, user + ".key.pem"), ct))));

    private async Task<string> KeyAsync(Lot lot, DemoBidder bidder, CancellationToken ct)
    {
        var bidId = await db.Bids.AsNoTracking().Where(b => b.LotId == lot.Id && b.CreditCode == bidder.CreditCode && b.Status == BidStatus.Current)
            .Select(b => b.Id).SingleAsync(ct);
        await using var file = File.OpenRead(vault.PathOf(lot.Id, bidId));
        return Convert.ToHexStringLower(SealedEnvelope.Read(file).UnwrapKey(bidder.Certificate.Key));
    }

    private async Task PlaceAsync(Lot lot, IReadOnlyList<DemoBidder> bidders, IReadOnlyList<string> prices, CancellationToken ct,
        (string Name, string Certificate)[]? leaders = null, GoodsItems? goods = null)
    {
        for (var i = 0; i < bidders.Count; i++)
        {
            var bidder = bidders[i];
            var at = lot.Deadline!.Value.AddHours(-20 + (i * 3));
            using var envelope = new MemoryStream();
            SealedEnvelope.Seal(lot.TradeCode, bidder.CreditCode, new ToolFingerprint("ggzy/demo", "demo-" + bidder.User, "02-00-00-00-01-0" + i),
            [
                new SectionInput(SealedEnvelope.PriceSheet, "开标一览表.json", goods is null
                    ? BidDemoSeeder.PriceSheetOf(lot.TradeCode, bidder.CreditCode, prices[i], $"{bidder.Name} {lot.Name}", leaders?[i])
                    : BidDemoSeeder.PriceSheetOf(lot.TradeCode, bidder.CreditCode, prices[i], goods.Of(i, $"{bidder.Name} {lot.Name}"))),
                new SectionInput("technical", "技术标.txt",
                    new MemoryStream(Encoding.UTF8.GetBytes($"{bidder.Name} {(goods is null ? "施工组织设计" : "技术方案及技术参数响应表")}（演示）"))),
            ], bidder.Certificate.Certificate, bidder.Certificate.Key, envelope);
            var bytes = envelope.ToArray();
            var id = Guid.CreateVersion7(at);
            vault.Create(lot.Id, id);
            await File.WriteAllBytesAsync(vault.PathOf(lot.Id, id), bytes, ct);
            var digest = SealedEnvelope.DigestOf(new MemoryStream(bytes));
            var receipt = new BidReceipt(BidReceipt.FormatV1, id, lot.Id, lot.TradeCode, bidder.CreditCode, bidder.Name, digest, bytes.Length, at, null);
            var json = JsonSerializer.Serialize(receipt);
            db.BidUploads.Add(new BidUpload
            {
                Id = id,
                LotId = lot.Id,
                OrganizationId = bidder.OrganizationId,
                CreditCode = bidder.CreditCode,
                UserName = bidder.User,
                Size = bytes.Length,
                Digest = digest,
                FileName = "投标文件.gse",
                StartedAt = at.AddMinutes(-2),
                State = BidUploadState.Completed,
                EndedAt = at,
            });
            db.Bids.Add(new Bid
            {
                Id = id,
                LotId = lot.Id,
                OrganizationId = bidder.OrganizationId,
                CreditCode = bidder.CreditCode,
                BidderName = bidder.Name,
                UserName = bidder.User,
                Digest = digest,
                Size = bytes.Length,
                CompletedAt = at,
                CertificateFingerprint = bidder.Certificate.Certificate.Fingerprint,
                ToolVersion = "ggzy/demo",
                MachineId = "demo-" + bidder.User,
                MacAddress = "02-00-00-00-01-0" + i,
                ReceiptJson = json,
                ReceiptSignature = Convert.ToBase64String(signer.Sign(Encoding.UTF8.GetBytes(json))),
                KeyFingerprint = signer.PublicKey.Fingerprint,
                Commitment = Sm3.HashHex(Encoding.UTF8.GetBytes(json)),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<Project> ProjectAsync(Organization tenderer, Organization agency, DateTimeOffset registeredAt, string name, decimal amount,
        string approval, CancellationToken ct, Regime regime = Regime.Tender)
    {
        var (sector, type) = regime == Regime.Procurement ? (CatalogNames.GovernmentProcurement, "货物") : (CatalogNames.Construction, CatalogNames.Works);
        var classification = await catalog.ClassifyAsync(sector, type, amount, DemoAccounts.CityRegion, registeredAt, ct);
        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            TradeCode = await codes.NextAsync(sector, DemoAccounts.CityRegion, registeredAt.ToOffset(ChinaTime.Offset).Year, ct),
            Name = name,
            Regime = regime,
            Sector = sector,
            SupervisoryDepartment = Ggzy.Trading.Domain.Projects.SupervisoryDepartments.Of(sector),
            ProjectType = type,
            RegionCode = DemoAccounts.CityRegion,
            TendererId = tenderer.Id,
            TendererCode = tenderer.CreditCode!,
            TendererName = tenderer.Name,
            AgencyId = agency.Id,
            AgencyCode = agency.CreditCode,
            AgencyName = agency.Name,
            RegisteredBy = "agency",
            RegisteredAt = registeredAt,
            FundingSource = "财政资金",
            FundingAmount = amount,
            ApprovalNumber = approval,
            ApprovalAuthority = regime == Regime.Procurement ? "安和市财政局" : "安和市发展和改革委员会",
            Verdict = classification.Verdict,
            CatalogVersion = classification.CatalogVersion,
            CatalogCitation = classification.Citation,
            CenterId = classification.Center?.OrganizationId,
            CenterName = classification.Center?.Name,
            Status = ProjectStatus.Accepted,
            DecidedAt = registeredAt.AddHours(3),
            DecidedBy = "clerk",
            DecisionNote = "审批文件、委托合同齐全，予以受理。",
        };
        db.Projects.Add(project);
        return project;
    }

    private static Lot Lot(Project project, string name, decimal amount) =>
        ProjectDemoSeeder.AddLot(project, name, amount, ProcurementMethod.OpenTender);

    // Announced 30 days before the deadline's day (documents on sale from then for 12 days), the deadline at 09:30 — or
    // just now, for the lot whose window is open — and every step taken at its scheduled time.
    // A 政府采购 lot's announcement runs 5 working days (here 14 days) and its documents are on sale from the next day.
    private static void Schedule(Lot lot, DateOnly deadlineDay, ScheduleValidator validator, DateTimeOffset? deadlineNow = null, Regime regime = Regime.Tender)
    {
        var announced = At(deadlineDay.AddDays(-30), 9);
        var deadline = deadlineNow ?? At(deadlineDay, 9, 30);
        var schedule = regime == Regime.Procurement
            ? new ProcedureSchedule(regime, ProcurementMethod.OpenTender, false, announced, At(deadlineDay.AddDays(-16), 17), At(deadlineDay.AddDays(-29), 9),
                At(deadlineDay.AddDays(-15), 17), deadline)
            : new ProcedureSchedule(regime, ProcurementMethod.OpenTender, false, announced, null, announced, At(deadlineDay.AddDays(-18), 17), deadline);
        lot.Plan(schedule, "agency");
        var procedure = lot.Procedure(regime)!;
        procedure.Publish(validator, announced);
        procedure.OpenDocumentSale(schedule.DocumentsFrom);
        procedure.CloseDocumentSale(schedule.DocumentsUntil);
        procedure.PassDeadline(deadline);
        lot.Record(procedure, ProcedureClock.Actor);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => ChinaTime.StartOfDay(day).AddHours(hour).AddMinutes(minute);
}
