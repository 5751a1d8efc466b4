using System.Globalization;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Features.Security;

/// <summary>
/// Bid security of a lot (R12): the terms the tenderer or agency states with the tender documents, the electronic
/// guarantees bidders register, a bidder's withdrawal notice, and who may see which securities — a bidder its own,
/// the custody staff all, the tenderer and agency none before the deadline (招标投标法 第二十二条).
/// </summary>
internal sealed class BidSecurityService(
    TradingDbContext db, PlatformDbContext platform, StatutoryTimingSource timings, ICreditStanding standing,
    IMarketEntities entities, IBlobStore blobs, LedgerWriter ledger, TimeProvider clock, DepositRefunds refunds)
{
    public const long MaxGuaranteeBytes = 10 * 1024 * 1024;

    /// <summary>Sets (or replaces) a lot's terms while the lot is a draft or announced; refused with citations when a rule is broken.</summary>
    public async Task<SecurityTermsView> SetTermsAsync(TradingUser user, Guid lotId, BidSecurityTermsInput input, CancellationToken ct)
    {
        var (lot, project) = await LotAsync(lotId, ct);
        if (!user.RunsProject(project))
        {
            throw new ForbiddenException(BidSecurityErrors.NotYourLot);
        }

        if (!project.IsAccepted)
        {
            throw new BusinessRuleException(BidSecurityErrors.NotAccepted);
        }

        if (lot.State is not (LotState.Draft or LotState.Announced))
        {
            throw new BusinessRuleException(BidSecurityErrors.TermsFixed, BidSecurityErrors.TermsChange);
        }

        var forms = ParseForms(input.Forms);
        var deposit = forms.Contains(BidSecurityForm.Deposit);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (deposit)
        {
            Require(errors, nameof(input.CustodyBank), input.CustodyBank, 100, "请填写托管账户的开户银行（1–100 字）");
            Require(errors, nameof(input.CustodyAccountName), input.CustodyAccountName, 200, "请填写托管账户的户名（1–200 字）");
            if (input.CustodyAccountNumber is not { } number || !IsAccountNumber(number))
            {
                errors[nameof(input.CustodyAccountNumber)] = ["请填写托管账户的账号（8–32 位数字，可含“-”）（依据：" + BidSecurityErrors.Custody + "）。"];
            }
        }

        if (input.Forms.Count > 0 && forms.Count == 0)
        {
            errors[nameof(input.Forms)] = ["投标保证金的提交形式无法识别，请从列表中选择。"];
        }

        var timing = await timings.ForRegionAsync(project.RegionCode, ct);
        var terms = new BidSecurityTerms(project.Regime, lot.EstimatedAmount, input.Amount ?? 0, forms,
            deposit ? input.CustodyAccountNumber?.Trim() : null, input.ValidityDays ?? 0, input.BidValidityDays ?? 0);
        var assessment = new BidSecurityValidator(timing).Check(terms);
        foreach (var v in assessment.Violations)
        {
            var field = v.Field == nameof(BidSecurityTerms.AcceptedForms) ? nameof(input.Forms)
                : v.Field == nameof(BidSecurityTerms.CustodyAccount) ? nameof(input.CustodyAccountNumber) : v.Field;
            errors[field] = errors.TryGetValue(field, out var had) ? [.. had, v.Message] : [v.Message];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var now = clock.GetUtcNow();
        var stored = await db.SecurityTerms.SingleOrDefaultAsync(t => t.LotId == lotId, ct);
        if (stored is null)
        {
            stored = new LotSecurityTerms { LotId = lotId, Forms = "", SetBy = user.UserName };
            db.SecurityTerms.Add(stored);
        }

        stored.BaseAmount = lot.EstimatedAmount;
        stored.Amount = terms.Amount;
        stored.Forms = LotSecurityTerms.Join(forms);
        stored.CustodyBank = deposit ? input.CustodyBank!.Trim() : null;
        stored.CustodyAccountName = deposit ? input.CustodyAccountName!.Trim() : null;
        stored.CustodyAccountNumber = deposit ? input.CustodyAccountNumber!.Trim() : null;
        stored.ValidityDays = terms.ValidityDays;
        stored.BidValidityDays = terms.BidValidityDays;
        stored.SetBy = user.UserName;
        stored.SetAt = now;
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.terms-set", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            amount = stored.Amount,
            baseAmount = stored.BaseAmount,
            forms = stored.Forms,
            custody = stored.CustodyAccountNumber is null ? null : new { bank = stored.CustodyBank, name = stored.CustodyAccountName, number = stored.CustodyAccountNumber },
            validityDays = stored.ValidityDays,
            bidValidityDays = stored.BidValidityDays,
        }), ct);
        return SecurityTermsView.Of(stored);
    }

    /// <summary>
    /// The lot's security as the tenderer or agency sees it: the terms, and the securities only from the deadline on;
    /// before it, none (not even how many), so that bidders' identities stay secret.
    /// </summary>
    public async Task<LotSecurityView> ForTendererAsync(TradingUser user, Guid lotId, CancellationToken ct)
    {
        var (lot, project) = await LotAsync(lotId, ct);
        if (!user.RunsProject(project))
        {
            throw new ForbiddenException(BidSecurityErrors.NotYourLot);
        }

        var terms = await db.SecurityTerms.AsNoTracking().SingleOrDefaultAsync(t => t.LotId == lotId, ct);
        var now = clock.GetUtcNow();
        if (lot.Deadline is not { } deadline || now < deadline)
        {
            return new LotSecurityView(View(lot, project), terms is null ? null : SecurityTermsView.Of(terms), null, null,
                BidSecurityErrors.SecretBeforeDeadline);
        }

        return await WithSecuritiesAsync(lot, project, terms, null, "tenderer", ct);
    }

    /// <summary>The lot's security as a bidder sees it: the terms and its own deposits and guarantees only.</summary>
    public async Task<LotSecurityView> ForBidderAsync(TradingUser user, Guid lotId, CancellationToken ct)
    {
        var (lot, project) = await LotAsync(lotId, ct);
        var org = user.OrganizationId ?? throw new ForbiddenException(BidSecurityErrors.NoOrganization);
        var terms = await db.SecurityTerms.AsNoTracking().SingleOrDefaultAsync(t => t.LotId == lotId, ct);
        var deposits = await db.BidDeposits.AsNoTracking().Where(d => d.LotId == lotId && d.OrganizationId == org).ToListAsync(ct);
        var guarantees = await db.BidGuarantees.AsNoTracking().Where(g => g.LotId == lotId && g.OrganizationId == org).ToListAsync(ct);
        return new LotSecurityView(View(lot, project), terms is null ? null : SecurityTermsView.Of(terms),
            [.. deposits.Select(DepositView.Of)], [.. guarantees.Select(GuaranteeView.Of)], null);
    }

    /// <summary>The lot's security as the custody staff see it: every deposit and guarantee; the read goes on the Ledger.</summary>
    public async Task<LotSecurityView> ForCustodyAsync(Guid lotId, CancellationToken ct)
    {
        var (lot, project) = await LotAsync(lotId, ct);
        var terms = await db.SecurityTerms.AsNoTracking().SingleOrDefaultAsync(t => t.LotId == lotId, ct);
        return await WithSecuritiesAsync(lot, project, terms, null, "custody", ct);
    }

    /// <summary>Registers a bidder's electronic guarantee for a lot with its PDF or OFD file.</summary>
    public async Task<GuaranteeView> RegisterGuaranteeAsync(
        TradingUser user, Guid lotId, BidGuaranteeInput input, byte[]? file, string? fileName, CancellationToken ct)
    {
        var (lot, project) = await LotAsync(lotId, ct);
        var org = user.OrganizationId ?? throw new ForbiddenException(BidSecurityErrors.NoOrganization);
        var terms = await db.SecurityTerms.AsNoTracking().SingleOrDefaultAsync(t => t.LotId == lotId, ct)
            ?? throw new BusinessRuleException(BidSecurityErrors.NoTerms);

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Require(errors, nameof(input.Issuer), input.Issuer, 200, "请填写承保机构（出具保函的金融机构或者担保机构，1–200 字）");
        Require(errors, nameof(input.Number), input.Number, 64, "请填写保函编号（1–64 字）");
        var contentType = file is null ? null : FileKind(file);
        if (file is null || file.Length == 0)
        {
            errors["File"] = ["请上传电子保函文件（PDF 或 OFD）。"];
        }
        else if (file.Length > MaxGuaranteeBytes)
        {
            errors["File"] = ["电子保函文件超过 10 MB，请上传保函原件的 PDF 或 OFD 文件。"];
        }
        else if (contentType is null)
        {
            errors["File"] = ["电子保函文件须为 PDF 或 OFD 格式，请上传承保机构出具的原件。"];
        }

        var deadline = lot.Deadline;
        var requiredUntil = deadline is { } d ? Day(d).AddDays(terms.ValidityDays) : (DateOnly?)null;
        if (input.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            errors[nameof(input.Amount)] = ["请填写保函金额（元，大于 0，精确到分）。"];
        }
        else if (amount < terms.Amount)
        {
            errors[nameof(input.Amount)] = [$"保函金额 {BidSecurityValidator.Yuan(amount)} 低于招标文件要求的投标保证金 {BidSecurityValidator.Yuan(terms.Amount)}，"
                + $"请提交金额不低于 {BidSecurityValidator.Yuan(terms.Amount)} 的保函（依据：{Citation(project.Regime)}）。"];
        }

        if (input.ValidFrom is not { } from || input.ValidUntil is not { } until || until < from)
        {
            errors[nameof(input.ValidUntil)] = ["请填写保函的有效期（起止日期，截止日期不得早于起始日期）。"];
        }
        else if (requiredUntil is { } required && deadline is { } close && (until < required || from > Day(close)))
        {
            errors[nameof(input.ValidUntil)] = [$"保函有效期 {Text(from)} 至 {Text(until)} 短于投标有效期：投标保证金有效期应当与投标有效期一致，"
                + $"即自投标截止之日（{Text(Day(close))}）起 {terms.ValidityDays} 日，请提交有效期覆盖 {Text(Day(close))} 至 {Text(required)} 的保函"
                + $"（依据：{Citation(project.Regime)}）。"];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        if (!terms.Accepts(BidSecurityForm.ElectronicGuarantee))
        {
            throw new BusinessRuleException(BidSecurityErrors.GuaranteeNotAccepted);
        }

        var now = clock.GetUtcNow();
        if (lot.State is not (LotState.Announced or LotState.DocumentsOnSale or LotState.BiddingOpen) || deadline is null || now >= deadline)
        {
            throw new BusinessRuleException(BidSecurityErrors.GuaranteeTooLate);
        }

        var entity = await EntityOfAsync(org, ct);
        await standing.EnsureNotDebarredAsync(entity.CreditCode, now, DebarredAction.SubmitBid, ct);
        if (await db.BidGuarantees.AnyAsync(g => g.LotId == lotId && g.OrganizationId == org, ct))
        {
            throw new BusinessRuleException(BidSecurityErrors.GuaranteeExists);
        }

        var issuer = input.Issuer!.Trim();
        var number = input.Number!.Trim();
        if (await db.BidGuarantees.AnyAsync(g => g.Issuer == issuer && g.Number == number, ct))
        {
            throw new BusinessRuleException(BidSecurityErrors.GuaranteeNumberTaken, null, nameof(input.Number));
        }

        using var content = new MemoryStream(file!, writable: false);
        var blob = await blobs.PutAsync(content, ct);
        var guarantee = new BidGuarantee
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            OrganizationId = org,
            CreditCode = entity.CreditCode,
            EntityName = entity.LegalName,
            Issuer = issuer,
            Number = number,
            Amount = input.Amount!.Value,
            ValidFrom = input.ValidFrom!.Value,
            ValidUntil = input.ValidUntil!.Value,
            FileName = SafeName(fileName, contentType!),
            ContentType = contentType!,
            Size = file!.Length,
            Digest = blob.Value,
            RegisteredBy = user.UserName,
            RegisteredAt = now,
        };
        db.BidGuarantees.Add(guarantee);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.guarantee-registered", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            guarantee = guarantee.Id,
            creditCode = guarantee.CreditCode,
            issuer = guarantee.Issuer,
            number = guarantee.Number,
            amount = guarantee.Amount,
            validFrom = Text(guarantee.ValidFrom),
            validUntil = Text(guarantee.ValidUntil),
            sm3 = guarantee.Digest,
        }), ct);
        return GuaranteeView.Of(guarantee);
    }

    /// <summary>
    /// A bidder's written notice that it withdraws its bid before the deadline: the refund duty of its deposit starts
    /// (5 days, 实施条例 第三十五条; 5 working days, 87号令 第三十八条).
    /// </summary>
    public async Task<IReadOnlyList<RefundDutyView>> WithdrawAsync(TradingUser user, Guid lotId, CancellationToken ct)
    {
        var (lot, project) = await LotAsync(lotId, ct);
        var org = user.OrganizationId ?? throw new ForbiddenException(BidSecurityErrors.NoOrganization);
        var now = clock.GetUtcNow();
        if (lot.Deadline is not { } deadline || now >= deadline || lot.State is LotState.DeadlinePassed or LotState.Failed or LotState.Terminated)
        {
            throw new BusinessRuleException(BidSecurityErrors.WithdrawalTooLate, BidSecurityErrors.Withdrawal);
        }

        var deposits = await db.BidDeposits.Where(d => d.LotId == lotId && d.OrganizationId == org).ToListAsync(ct);
        if (deposits.Count == 0)
        {
            throw new BusinessRuleException(BidSecurityErrors.NoDeposit);
        }

        if (deposits.All(d => d.WithdrawnAt is not null))
        {
            throw new BusinessRuleException(BidSecurityErrors.AlreadyWithdrawn);
        }

        foreach (var deposit in deposits)
        {
            deposit.WithdrawnAt = now;
        }

        var duties = await refunds.AddAsync(lot, project, RefundEvent.Withdrawal, now, deposits, ct);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.withdrawal-notice", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            creditCodes = deposits.Select(d => d.CreditCode),
            duties = duties.Select(d => new { d.Id, dueDate = d.DueDate is { } due ? Text(due) : null, d.Citation }),
        }), ct);
        return await refunds.ViewsAsync(duties.Select(d => d.Id).ToList(), ct);
    }

    /// <summary>A guarantee's file, for its bidder or the custody staff.</summary>
    public async Task<(BidGuarantee Guarantee, Stream Content)> GuaranteeFileAsync(TradingUser user, Guid guaranteeId, bool custody, CancellationToken ct)
    {
        var guarantee = await db.BidGuarantees.AsNoTracking().SingleOrDefaultAsync(g => g.Id == guaranteeId, ct);
        if (guarantee is null || (!custody && guarantee.OrganizationId != user.OrganizationId))
        {
            throw new NotFoundException("没有找到该电子保函。");
        }

        var stream = await blobs.OpenReadAsync(new BlobId(guarantee.Digest), ct) ?? throw new NotFoundException("电子保函文件缺失，请联系交易中心。");
        if (custody)
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.read", $"guarantee:{guarantee.Id}", new
            {
                reader = "custody",
                guarantee = guarantee.Id,
                sm3 = guarantee.Digest,
            }), ct);
        }

        return (guarantee, stream);
    }

    internal async Task<(Lot Lot, Project Project)> LotAsync(Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, ct)
            ?? throw new NotFoundException(BidSecurityErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        return (lot, project);
    }

    internal static SecurityLotView View(Lot lot, Project project) =>
        new(lot.Id, lot.TradeCode, lot.Name, project.Name, project.Regime, lot.State, lot.Deadline, lot.EstimatedAmount);

    private async Task<LotSecurityView> WithSecuritiesAsync(
        Lot lot, Project project, LotSecurityTerms? terms, string? notice, string reader, CancellationToken ct)
    {
        var deposits = await db.BidDeposits.AsNoTracking().Where(d => d.LotId == lot.Id).OrderBy(d => d.ReceivedAt).ToListAsync(ct);
        var guarantees = await db.BidGuarantees.AsNoTracking().Where(g => g.LotId == lot.Id).OrderBy(g => g.RegisteredAt).ToListAsync(ct);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.read", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            reader,
            deposits = deposits.Count,
            guarantees = guarantees.Count,
        }), ct);
        return new LotSecurityView(View(lot, project), terms is null ? null : SecurityTermsView.Of(terms),
            [.. deposits.Select(DepositView.Of)], [.. guarantees.Select(GuaranteeView.Of)], notice);
    }

    private async Task<MarketEntityInfo> EntityOfAsync(Guid organizationId, CancellationToken ct)
    {
        var code = await platform.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.CreditCode).SingleOrDefaultAsync(ct);
        return code is null ? throw new BusinessRuleException(BidSecurityErrors.NotRegisteredEntity)
            : await entities.FindByCreditCodeAsync(code, ct) ?? throw new BusinessRuleException(BidSecurityErrors.NotRegisteredEntity);
    }

    private static string Citation(Regime regime) => regime == Regime.Tender
        ? BidSecurityErrors.TenderSecurity
        : Ggzy.Platform.Rules.StatutoryRules.ProcurementRegulations + "第三十三条";

    internal static List<BidSecurityForm> ParseForms(IEnumerable<string> names) =>
    [
        .. names.Select(n => Enum.TryParse<BidSecurityForm>(n, ignoreCase: false, out var f) && Enum.IsDefined(f) && !int.TryParse(n, CultureInfo.InvariantCulture, out _) ? f : (BidSecurityForm?)null)
            .OfType<BidSecurityForm>().Distinct().Order(),
    ];

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors[field] = [message + "。"];
        }
    }

    internal static bool IsAccountNumber(string value)
    {
        var v = value.Trim();
        return v.Length is >= 8 and <= 32 && v.All(c => char.IsAsciiDigit(c) || c == '-') && v.Count(char.IsAsciiDigit) >= 8;
    }

    private static string? FileKind(byte[] file) =>
        file.Length >= 5 && file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F' ? "application/pdf"
        : file.Length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4 ? "application/ofd"
        : null;

    private static string SafeName(string? name, string contentType)
    {
        var bare = Path.GetFileName(name ?? "").Trim();
        var extension = contentType == "application/pdf" ? ".pdf" : ".ofd";
        return bare.Length is > 0 and <= 200 ? bare : "电子保函" + extension;
    }
}
