using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Features.Security;

/// <summary>
/// The custody account's bank receipts (回单, docs/bank-receipts-import.md): imported all or nothing, idempotent by
/// receipt number, each matched to a lot and a market entity when the account is the lot's custody account, the remark
/// carries the lot's trade code, the payer is a registered entity, the amount suffices and the money came before the
/// deadline; otherwise kept as unmatched with the reason, for the center to match by hand with its own reason.
/// </summary>
internal sealed class BankReceipts(
    TradingDbContext db, IMarketEntities entities, LedgerWriter ledger, TimeProvider clock)
{
    public const string CurrentFormat = "ggzy.bank-receipts.v1";
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxReceipts = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public async Task<ReceiptImportResult> ImportAsync(TradingUser user, byte[] file, CancellationToken ct)
    {
        if (file.Length == 0 || file.Length > MaxBytes)
        {
            throw Invalid("file", $"请上传不超过 2 MB 的 JSON 文件（格式 {CurrentFormat}，见 docs/bank-receipts-import.md）。");
        }

        ReceiptFile? document;
        try
        {
            document = JsonSerializer.Deserialize<ReceiptFile>(file, Json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第 {(line + 1).ToString(CultureInfo.InvariantCulture)} 行" : "文件";
            throw Invalid("file", $"{where}不是有效的 JSON 或含有格式说明之外的字段，请按 docs/bank-receipts-import.md 更正（{CurrentFormat}）。");
        }

        if (document is null || !string.Equals(document.Format, CurrentFormat, StringComparison.Ordinal))
        {
            throw Invalid("format", $"文件的 format 须为“{CurrentFormat}”，请按 docs/bank-receipts-import.md 导出。");
        }

        if (document.Receipts is not { Count: > 0 and <= MaxReceipts } rows)
        {
            throw Invalid("receipts", $"receipts 须含 1 至 {MaxReceipts} 张回单。");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsed = new List<BankReceipt>();
        var now = clock.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var problems = new List<string>();
            var r = rows[i];
            var number = Field(r.ReceiptNumber, 64, "receiptNumber 回单编号", problems);
            var account = Field(r.Account, 40, "account 收款账号", problems);
            var payer = Field(r.PayerName, 200, "payerName 付款人名称", problems);
            var payerAccount = Field(r.PayerAccount, 40, "payerAccount 付款账号", problems);
            if (r.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount || amount > 1_000_000_000m)
            {
                problems.Add("amount 金额须大于 0、精确到分（元）");
            }

            DateTimeOffset receivedAt = default;
            if (r.ReceivedAt is null || !DateTimeOffset.TryParseExact(r.ReceivedAt, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out receivedAt))
            {
                problems.Add("receivedAt 到账时间须为带时区的 ISO 8601 时间，如 2026-11-20T10:15:00+08:00");
            }
            else if (receivedAt > now)
            {
                problems.Add("receivedAt 到账时间晚于导入时间，请核对");
            }

            if (r.Remark is { Length: > 200 })
            {
                problems.Add("remark 附言不超过 200 字");
            }

            if (number is not null && !seen.Add(number))
            {
                problems.Add($"回单编号 {number} 在文件中重复");
            }

            if (problems.Count > 0)
            {
                errors[$"receipts[{i.ToString(CultureInfo.InvariantCulture)}]"] =
                    [$"第 {(i + 1).ToString(CultureInfo.InvariantCulture)} 张回单（receipts[{i.ToString(CultureInfo.InvariantCulture)}]）：{string.Join("；", problems)}。"];
                continue;
            }

            parsed.Add(new BankReceipt
            {
                Id = Guid.CreateVersion7(now),
                ReceiptNumber = number!,
                Account = account!,
                PayerName = payer!,
                PayerAccount = payerAccount!,
                Amount = r.Amount!.Value,
                ReceivedAt = receivedAt.ToUniversalTime(),
                Remark = r.Remark?.Trim() ?? "",
                ImportedAt = now,
                ImportedBy = user.UserName,
            });
        }

        var numbers = parsed.Select(p => p.ReceiptNumber).ToList();
        var existing = await db.BankReceipts.AsNoTracking().Where(b => numbers.Contains(b.ReceiptNumber)).ToDictionaryAsync(b => b.ReceiptNumber, StringComparer.Ordinal, ct);
        var fresh = new List<BankReceipt>();
        foreach (var receipt in parsed)
        {
            if (existing.TryGetValue(receipt.ReceiptNumber, out var before))
            {
                if (before.Account != receipt.Account || before.PayerName != receipt.PayerName || before.PayerAccount != receipt.PayerAccount
                    || before.Amount != receipt.Amount || before.ReceivedAt != receipt.ReceivedAt || before.Remark != receipt.Remark)
                {
                    var i = rows.FindIndex(x => x.ReceiptNumber?.Trim() == receipt.ReceiptNumber).ToString(CultureInfo.InvariantCulture);
                    errors[$"receipts[{i}]"] = [$"回单编号 {receipt.ReceiptNumber} 已导入，但内容与本文件不同，请核对银行回单（同一回单不得改动）。"];
                }

                continue;
            }

            fresh.Add(receipt);
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var deposits = new List<BidDeposit>();
        foreach (var receipt in fresh)
        {
            db.BankReceipts.Add(receipt);
            var deposit = await MatchAsync(receipt, deposits, ct);
            if (deposit is not null)
            {
                deposits.Add(deposit);
            }
        }

        var result = new ReceiptImportResult(fresh.Count, parsed.Count - fresh.Count, deposits.Count, fresh.Count - deposits.Count);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.receipts-imported", "bank-receipts", new
        {
            format = CurrentFormat,
            result.Imported,
            result.Skipped,
            receipts = fresh.Select(f => new
            {
                f.ReceiptNumber,
                f.Account,
                f.Amount,
                receivedAt = f.ReceivedAt,
                status = f.Status.ToString(),
                f.Note,
                f.DepositId,
            }),
        }), ct);
        return result;
    }

    /// <summary>Receipts, unmatched first, newest first; the read goes on the Ledger.</summary>
    public async Task<IReadOnlyList<ReceiptView>> ListAsync(ReceiptStatus? status, CancellationToken ct)
    {
        var query = db.BankReceipts.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var rows = await query.ToListAsync(ct);
        var list = rows.OrderBy(r => r.Status != ReceiptStatus.Unmatched).ThenByDescending(r => r.ReceivedAt).Take(500).Select(ReceiptView.Of).ToList();
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.read", "bank-receipts", new { reader = "custody", receipts = list.Count }), ct);
        return list;
    }

    /// <summary>Matches an unmatched receipt by hand, with a reason; the amount and the deadline still bind.</summary>
    public async Task<ReceiptView> MatchByHandAsync(TradingUser user, Guid receiptId, ReceiptMatchInput input, CancellationToken ct)
    {
        var receipt = await db.BankReceipts.SingleOrDefaultAsync(r => r.Id == receiptId, ct) ?? throw new NotFoundException(BidSecurityErrors.ReceiptNotFound);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = input.LotTradeCode?.Trim().ToUpperInvariant();
        if (!TradeCodes.IsValidLot(code))
        {
            errors[nameof(input.LotTradeCode)] = ["请填写标段的统一交易标识码（23 位）。"];
        }

        if (string.IsNullOrWhiteSpace(input.CreditCode))
        {
            errors[nameof(input.CreditCode)] = ["请填写缴款单位的统一社会信用代码（18 位）。"];
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length is < 2 or > 500)
        {
            errors[nameof(input.Reason)] = ["请写明人工匹配的理由（2–500 字），如“付款人为投标人的分支机构，已核对其授权书”。"];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        if (receipt.Status != ReceiptStatus.Unmatched)
        {
            throw new BusinessRuleException(BidSecurityErrors.NotUnmatched);
        }

        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.TradeCode == code, ct);
        var terms = lot is null ? null : await db.SecurityTerms.AsNoTracking().SingleOrDefaultAsync(t => t.LotId == lot.Id, ct);
        if (lot is null || terms is null)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [nameof(input.LotTradeCode)] = [$"没有找到统一交易标识码为 {code} 且已设定投标保证金要求的标段，请核对。"],
            });
        }

        var entity = await entities.FindByCreditCodeAsync(input.CreditCode!, ct) ?? throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [nameof(input.CreditCode)] = ["该统一社会信用代码没有在平台注册为市场主体，请核对。"],
        });

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (project.IsRunBy(entity.OrganizationId))
        {
            throw new BusinessRuleException($"“{entity.LegalName}”是该项目的招标人或招标代理机构，不得参加本项目投标，其款项不能作为投标保证金（依据：{BidSecurityErrors.OwnProject}）。",
                BidSecurityErrors.OwnProject, nameof(input.CreditCode));
        }

        if (Shortfall(receipt, lot, terms) is { } refusal)
        {
            throw new BusinessRuleException(refusal, lot.Deadline is { } d && receipt.ReceivedAt >= d ? BidSecurityErrors.TenderSecurity : null);
        }

        if (await db.BidDeposits.AnyAsync(d => d.LotId == lot.Id && d.CreditCode == entity.CreditCode, ct))
        {
            throw new BusinessRuleException(BidSecurityErrors.DepositExists);
        }

        var deposit = Deposit(receipt, lot, entity, user.UserName);
        receipt.Status = ReceiptStatus.MatchedByHand;
        receipt.Note = input.Reason!.Trim();
        receipt.LotId = lot.Id;
        receipt.DepositId = deposit.Id;
        db.BidDeposits.Add(deposit);
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.security.receipt-matched-by-hand", $"lot:{lot.TradeCode}", new
        {
            receipt = receipt.ReceiptNumber,
            lot = lot.TradeCode,
            creditCode = entity.CreditCode,
            amount = receipt.Amount,
            reason = receipt.Note,
            deposit = deposit.Id,
        }), ct);
        return ReceiptView.Of(receipt);
    }

    private async Task<BidDeposit?> MatchAsync(BankReceipt receipt, List<BidDeposit> earlier, CancellationToken ct)
    {
        string? Unmatched(string reason)
        {
            receipt.Status = ReceiptStatus.Unmatched;
            receipt.Note = reason;
            return null;
        }

        var code = LotCodeIn(receipt.Remark);
        if (code is null)
        {
            Unmatched("附言中没有标段的统一交易标识码（23 位），无法确定所投标段。");
            return null;
        }

        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.TradeCode == code, ct);
        if (lot is null)
        {
            Unmatched($"附言中的统一交易标识码 {code} 不是本平台的标段。");
            return null;
        }

        receipt.LotId = lot.Id;
        var terms = await db.SecurityTerms.AsNoTracking().SingleOrDefaultAsync(t => t.LotId == lot.Id, ct);
        if (terms is null || !terms.Accepts(BidSecurityForm.Deposit) || terms.CustodyAccountNumber is null)
        {
            Unmatched($"标段 {code} 的招标文件不接受现金保证金或尚未设定托管账户。");
            return null;
        }

        if (!string.Equals(Digits(terms.CustodyAccountNumber), Digits(receipt.Account), StringComparison.Ordinal))
        {
            Unmatched($"收款账号 {receipt.Account} 不是标段 {code} 的投标保证金托管账户（{terms.CustodyAccountNumber}）。");
            return null;
        }

        var candidates = await entities.ListAsync(receipt.PayerName, ct);
        var entity = candidates.FirstOrDefault(e => string.Equals(e.LegalName, receipt.PayerName, StringComparison.Ordinal));
        if (entity is null)
        {
            Unmatched($"付款人“{receipt.PayerName}”不是已在平台注册的市场主体（名称须与注册名称完全一致）。");
            return null;
        }

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (project.IsRunBy(entity.OrganizationId))
        {
            Unmatched($"付款人“{receipt.PayerName}”是该项目的招标人或招标代理机构，不得参加本项目投标（依据：{BidSecurityErrors.OwnProject}）。");
            return null;
        }

        if (Shortfall(receipt, lot, terms) is { } shortfall)
        {
            Unmatched(shortfall);
            return null;
        }

        if (earlier.Any(d => d.LotId == lot.Id && d.CreditCode == entity.CreditCode)
            || await db.BidDeposits.AnyAsync(d => d.LotId == lot.Id && d.CreditCode == entity.CreditCode, ct))
        {
            Unmatched(BidSecurityErrors.DepositExists);
            return null;
        }

        var deposit = Deposit(receipt, lot, entity, "platform");
        receipt.Status = ReceiptStatus.Matched;
        receipt.Note = null;
        receipt.DepositId = deposit.Id;
        db.BidDeposits.Add(deposit);
        return deposit;
    }

    private static string? Shortfall(BankReceipt receipt, Lot lot, LotSecurityTerms terms)
    {
        if (receipt.Amount < terms.Amount)
        {
            return $"到账金额 {BidSecurityValidator.Yuan(receipt.Amount)} 少于标段 {lot.TradeCode} 要求的投标保证金 {BidSecurityValidator.Yuan(terms.Amount)}。";
        }

        if (lot.Deadline is not { } deadline)
        {
            return $"标段 {lot.TradeCode} 尚未确定投标截止时间。";
        }

        return receipt.ReceivedAt >= deadline
            ? $"到账时间 {Text(receipt.ReceivedAt)} 不早于投标截止时间 {Text(deadline)}，投标保证金应当在投标截止时间前到账。"
            : null;
    }

    private BidDeposit Deposit(BankReceipt receipt, Lot lot, MarketEntityInfo entity, string matchedBy) => new()
    {
        Id = Guid.CreateVersion7(clock.GetUtcNow()),
        LotId = lot.Id,
        ReceiptId = receipt.Id,
        CreditCode = entity.CreditCode,
        EntityName = entity.LegalName,
        OrganizationId = entity.OrganizationId,
        Amount = receipt.Amount,
        ReceivedAt = receipt.ReceivedAt,
        MatchedBy = matchedBy,
        MatchedAt = clock.GetUtcNow(),
    };

    /// <summary>The first well-formed lot trade code in a remark (letters in any case; spaces and punctuation around it ignored).</summary>
    internal static string? LotCodeIn(string remark)
    {
        var text = remark.ToUpperInvariant();
        for (var i = 0; i + TradeCodes.LotLength <= text.Length; i++)
        {
            var candidate = text.Substring(i, TradeCodes.LotLength);
            if (TradeCodes.IsValidLot(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Digits(string account) => new([.. account.Where(char.IsAsciiDigit)]);

    private static string? Field(string? value, int max, string name, List<string> problems)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v) || v.Length > max)
        {
            problems.Add($"{name}必填，不超过 {max.ToString(CultureInfo.InvariantCulture)} 字");
            return null;
        }

        return v;
    }

    private static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    private sealed class ReceiptFile
    {
        public string? Format { get; set; }

        public string? Bank { get; set; }

        public List<ReceiptRow>? Receipts { get; set; }
    }

    private sealed class ReceiptRow
    {
        public string? ReceiptNumber { get; set; }

        public string? Account { get; set; }

        public string? PayerName { get; set; }

        public string? PayerAccount { get; set; }

        public decimal? Amount { get; set; }

        public string? ReceivedAt { get; set; }

        public string? Remark { get; set; }
    }
}
