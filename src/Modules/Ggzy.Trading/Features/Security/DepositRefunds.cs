using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Features.Security;

/// <summary>
/// The duties to refund deposits, one per deposit and event, with the statutory last day <see cref="RefundDuties"/>
/// gives. <see cref="AddAsync"/> is the extension point: a withdrawal notice and the end of a lot (terminated or failed)
/// call it here; the award (中标通知书, contract) calls it later with the losers' or the winner's deposits, in its own
/// transaction. The center sees what is due and late and records each refund on the Ledger.
/// </summary>
internal sealed class DepositRefunds(
    TradingDbContext db, StatutoryTimingSource timings, LedgerWriter ledger, TimeProvider clock, IOptions<RefundInterestOptions> interest)
{
    public const string NoDeadlineRule = "tender.bid-security-refund.termination";

    /// <summary>
    /// Adds (without saving) the duties an event starts for the given deposits; a deposit that has a duty for the event
    /// already gets none. A 工程 tender terminated or failed gets a duty without a number of days (实施条例 第三十一条).
    /// Where an event owes different recipients (the contract: the winner and the losers), <paramref name="recipient"/>
    /// says which of its duties the deposits are owed under.
    /// </summary>
    public async Task<IReadOnlyList<DepositRefundDuty>> AddAsync(
        Lot lot, Project project, RefundEvent @event, DateTimeOffset occurredAt, IReadOnlyList<BidDeposit> deposits, CancellationToken ct,
        RefundRecipient? recipient = null)
    {
        var depositIds = deposits.Select(d => d.Id).ToList();
        var existing = await db.RefundDuties.Where(d => depositIds.Contains(d.DepositId) && d.Event == @event).Select(d => d.DepositId).ToListAsync(ct);
        var timing = await timings.ForRegionAsync(project.RegionCode, ct);
        var all = new RefundDuties(timing).Arising(project.Regime, @event, occurredAt);
        var arising = recipient is null ? all : [.. all.Where(d => d.Recipient == recipient)];
        if (all.Count > 0 && arising.Count == 0)
        {
            return [];
        }

        var added = new List<DepositRefundDuty>();
        foreach (var deposit in deposits.Where(d => !existing.Contains(d.Id)))
        {
            var duty = arising.Count > 0
                ? new DepositRefundDuty
                {
                    Id = Guid.CreateVersion7(occurredAt),
                    DepositId = deposit.Id,
                    LotId = lot.Id,
                    Event = @event,
                    Recipient = arising[0].Recipient,
                    OccurredAt = occurredAt,
                    DueDate = arising[0].DueDate,
                    RuleKey = arising[0].RuleKey,
                    Citation = arising[0].Citation,
                    Description = arising[0].Description,
                }
                : new DepositRefundDuty
                {
                    Id = Guid.CreateVersion7(occurredAt),
                    DepositId = deposit.Id,
                    LotId = lot.Id,
                    Event = @event,
                    Recipient = RefundRecipient.AllBidders,
                    OccurredAt = occurredAt,
                    DueDate = null,
                    RuleKey = NoDeadlineRule,
                    Citation = BidSecurityErrors.TenderTermination,
                    Description = $"自{(lot.State == LotState.Failed ? "招标失败" : "终止招标")}之日 {Text(Day(occurredAt))} 起，"
                        + "应当及时向已提交投标保证金的投标人退还投标保证金及银行同期存款利息",
                };
            db.RefundDuties.Add(duty);
            added.Add(duty);
        }

        return added;
    }

    /// <summary>
    /// Finds lots terminated or failed whose deposits have no duty yet and starts their duties (from the step that ended
    /// the lot); returns how many duties were added.
    /// </summary>
    public async Task<int> RaiseForEndedLotsAsync(TradingUser user, CancellationToken ct)
    {
        var ended = await db.Lots.Include(l => l.Steps)
            .Where(l => l.State == LotState.Terminated || l.State == LotState.Failed)
            .Where(l => db.BidDeposits.Any(d => d.LotId == l.Id && !db.RefundDuties.Any(r => r.DepositId == d.Id && r.Event == RefundEvent.Termination)))
            .ToListAsync(ct);
        var added = new List<DepositRefundDuty>();
        foreach (var lot in ended)
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
            var deposits = await db.BidDeposits.Where(d => d.LotId == lot.Id && d.WithdrawnAt == null).ToListAsync(ct);
            var at = lot.Steps.Where(s => s.To == lot.State).Select(s => (DateTimeOffset?)s.At).Max() ?? clock.GetUtcNow();
            added.AddRange(await AddAsync(lot, project, RefundEvent.Termination, at, deposits, ct));
        }

        if (added.Count > 0)
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.refund-duties-raised", "refunds", new
            {
                by = user.UserName,
                duties = added.Select(d => new { d.Id, d.DepositId, d.LotId, @event = d.Event.ToString(), dueDate = d.DueDate is { } due ? Text(due) : null, d.Citation }),
            }), ct);
        }

        return added.Count;
    }

    /// <summary>Every duty (open ones first, by last day), with its state now; the read goes on the Ledger.</summary>
    public async Task<IReadOnlyList<RefundDutyView>> ListAsync(bool openOnly, CancellationToken ct)
    {
        var duties = await ViewsAsync(null, ct);
        var list = duties.Where(d => !openOnly || d.State != RefundDutyState.Refunded)
            .OrderBy(d => d.State == RefundDutyState.Refunded).ThenBy(d => d.DueDate ?? DateOnly.MaxValue).ToList();
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.read", "refunds", new { reader = "custody", duties = list.Count }), ct);
        return list;
    }

    /// <summary>Records a refund: the day (not in the future, not before the duty arose) and the bank's reference.</summary>
    public async Task<RefundDutyView> RecordAsync(TradingUser user, Guid dutyId, RefundInput input, CancellationToken ct)
    {
        var duty = await db.RefundDuties.SingleOrDefaultAsync(d => d.Id == dutyId, ct) ?? throw new NotFoundException(BidSecurityErrors.DutyNotFound);
        var today = Day(clock.GetUtcNow());
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.RefundedOn is not { } on || on > today || on < Day(duty.OccurredAt))
        {
            errors[nameof(input.RefundedOn)] = [$"请填写退还日期：不早于退还事项发生之日（{Text(Day(duty.OccurredAt))}），不晚于今天（{Text(today)}，北京时间）。"];
        }

        if (string.IsNullOrWhiteSpace(input.BankReference) || input.BankReference.Trim().Length > 64)
        {
            errors[nameof(input.BankReference)] = ["请填写银行退款流水号（1–64 字），以便核对。"];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        if (duty.RefundedOn is not null)
        {
            throw new BusinessRuleException(BidSecurityErrors.AlreadyRefunded);
        }

        duty.RefundedOn = input.RefundedOn;
        duty.BankReference = input.BankReference!.Trim();
        duty.RecordedBy = user.UserName;
        duty.RecordedAt = clock.GetUtcNow();
        var late = duty.DueDate is { } due && duty.RefundedOn > due;
        var deposit = await db.BidDeposits.AsNoTracking().Where(d => d.Id == duty.DepositId).Select(d => new { d.Amount, d.ReceivedAt }).SingleAsync(ct);
        var terms = InterestTermsOf(duty, deposit.Amount, deposit.ReceivedAt, clock.GetUtcNow(), interest.Value);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.refunded", $"deposit:{duty.DepositId}", new
        {
            duty = duty.Id,
            deposit = duty.DepositId,
            refundedOn = Text(duty.RefundedOn!.Value),
            bankReference = duty.BankReference,
            dueDate = duty.DueDate is { } d ? Text(d) : null,
            late,
            duty.Citation,
            principal = deposit.Amount,
            interest = terms?.Interest ?? 0m,
            total = deposit.Amount + (terms?.Interest ?? 0m),
            interestTerms = terms is null ? null : new
            {
                from = Text(terms.From),
                until = Text(terms.Until),
                days = terms.Days,
                annualRate = terms.AnnualRate,
                daysInYear = terms.DaysInYear,
                rateSource = terms.RateSource,
                citation = terms.Citation,
            },
            interestNote = terms is null ? "该退还事项不计银行同期存款利息（" + duty.Citation + "）。" : null,
        }), ct);
        return (await ViewsAsync([duty.Id], ct)).Single();
    }

    internal async Task<IReadOnlyList<RefundDutyView>> ViewsAsync(IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var query = from d in db.RefundDuties.AsNoTracking()
                    join deposit in db.BidDeposits.AsNoTracking() on d.DepositId equals deposit.Id
                    join lot in db.Lots.AsNoTracking() on d.LotId equals lot.Id
                    select new { d, deposit.EntityName, deposit.Amount, deposit.ReceivedAt, lot.TradeCode };
        if (ids is not null)
        {
            query = query.Where(x => ids.Contains(x.d.Id));
        }

        var rows = await query.ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. rows.Select(x =>
        {
            var (state, message) = StateOf(x.d, now);
            var (owed, note) = InterestOf(x.d, x.Amount, x.ReceivedAt, now, interest.Value);
            return new RefundDutyView(x.d.Id, x.d.DepositId, x.d.LotId, x.TradeCode, x.EntityName, x.Amount, x.d.Event, x.d.OccurredAt,
                x.d.DueDate, x.d.Citation, x.d.Description, state, message, x.d.RefundedOn, x.d.BankReference, owed, note);
        })];
    }

    /// <summary>
    /// The bank deposit interest owed with a 工程 deposit refunded after the contract or an ended tender (实施条例 第五十七条、
    /// 第三十一条): the amount at the configured rate of the same period, from the day the deposit arrived to the day it was
    /// (or, while open, would be today) refunded; null where no interest is owed.
    /// </summary>
    internal static (decimal? Interest, string? Note) InterestOf(DepositRefundDuty d, decimal amount, DateTimeOffset receivedAt, DateTimeOffset now, RefundInterestOptions options)
    {
        if (InterestTermsOf(d, amount, receivedAt, now, options) is not { } t)
        {
            return (null, null);
        }

        var rate = (t.AnnualRate * 100).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        var what = d.RuleKey.StartsWith("procurement.", StringComparison.Ordinal) ? "投标保证金在银行产生的孳息" : "银行同期存款利息";
        return (t.Interest, $"{what}：{Text(t.From)} 至 {Text(t.Until)} 共 {t.Days} 日，年利率 {rate}%（{t.RateSource}），按 {t.DaysInYear} 日计年，"
            + $"{(d.RefundedOn is null ? "至今" : "")}利息 {t.Interest:0.00} 元（依据：{t.Citation}）。");
    }

    /// <summary>How the interest owed with a deposit is reached (the period, its days, the rate), or null where none is owed.</summary>
    internal static RefundInterestTerms? InterestTermsOf(DepositRefundDuty d, decimal amount, DateTimeOffset receivedAt, DateTimeOffset now, RefundInterestOptions options)
    {
        // 工程: after the contract (实施条例 第五十七条) and after a termination (第三十一条), the bank interest of the same
        // period; 政府采购: after a termination only, the deposit "及其在银行产生的孳息" (87号令 第二十九条) — 第三十八条's
        // ordinary refunds carry none (a late one owes the overdue charge instead).
        var tender = d.RuleKey.StartsWith("tender.", StringComparison.Ordinal);
        var citation = (tender, d.Event) switch
        {
            (true, RefundEvent.ContractSigned) => StatutoryRules.TenderRegulations + "第五十七条",
            (true, RefundEvent.Termination) => StatutoryRules.TenderRegulations + "第三十一条",
            (false, RefundEvent.Termination) => StatutoryRules.Order87 + "第二十九条",
            _ => null,
        };
        if (citation is null)
        {
            return null;
        }

        var from = Day(receivedAt);
        var until = d.RefundedOn ?? Day(now);
        var days = Math.Max(0, until.DayNumber - from.DayNumber);
        var owed = decimal.Round(amount * options.AnnualRate * days / options.DaysInYear, 2, MidpointRounding.AwayFromZero);
        return new RefundInterestTerms(owed, from, until, days, options.AnnualRate, options.DaysInYear, options.RateSource, citation);
    }

    /// <summary>A stored duty's state at an instant, through <see cref="RefundDuties.StateAt"/> where it has a last day.</summary>
    internal static (RefundDutyState State, string Message) StateOf(DepositRefundDuty d, DateTimeOffset now)
    {
        if (d.RefundedOn is { } on)
        {
            var late = d.DueDate is { } due && on > due ? $"，晚于最迟日期 {Text(due)}。" : "。";
            return (RefundDutyState.Refunded, $"已于 {Text(on)} 退还（银行流水号 {d.BankReference}）" + late);
        }

        if (d.DueDate is not { } dueDate)
        {
            return (RefundDutyState.NoDeadline, $"{d.Description}；法律未规定具体日数，请及时退还（依据：{d.Citation}）。");
        }

        var regime = d.RuleKey.StartsWith("tender.", StringComparison.Ordinal) ? Regime.Tender : Regime.Procurement;
        var status = RefundDuties.StateAt(
            new RefundDuty(regime, d.Event, d.Recipient, d.OccurredAt, dueDate, d.RuleKey, d.Citation, d.Description, []), now);
        return (status.State switch
        {
            RefundState.Late => RefundDutyState.Late,
            RefundState.Due => RefundDutyState.Due,
            _ => RefundDutyState.NotDue,
        }, status.Message);
    }
}

/// <summary>The interest owed with a deposit and how it was reached: from the day it arrived to the day it is refunded.</summary>
internal sealed record RefundInterestTerms(decimal Interest, DateOnly From, DateOnly Until, int Days, decimal AnnualRate, int DaysInYear, string RateSource,
    string Citation);

/// <summary>
/// The bank deposit interest of the same period paid with a 工程 bid security deposit (实施条例 第五十七条): the annual rate
/// the custody bank applies to demand deposits, as configured (<c>Trading:Security:Interest</c>).
/// </summary>
internal sealed class RefundInterestOptions
{
    public const string SectionName = "Trading:Security:Interest";

    /// <summary>Annual rate as a fraction (0.0035 = 0.35 %, the central bank's benchmark rate for demand deposits).</summary>
    public decimal AnnualRate { get; set; } = 0.0035m;

    /// <summary>Days in the interest year (360, as banks count).</summary>
    public int DaysInYear { get; set; } = 360;

    /// <summary>Where the rate comes from, as shown with every amount.</summary>
    public string RateSource { get; set; } = "中国人民银行活期存款基准利率";
}
