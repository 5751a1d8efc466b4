using System.Text.Json;
using System.Text.Json.Serialization;
using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Credit.Features.EnterCreditRecord;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;

namespace Ggzy.Credit.Features.ImportCreditRecords;

/// <summary>
/// Bulk import of a supervisory department's records (R28; docs/credit-records-import.md). Every item is checked
/// first and every problem reported with its index and line; then all are stored in one transaction, or none.
/// An item already imported (same source system, decision number, kind and action, same subject) is skipped.
/// </summary>
internal sealed class ImportCreditRecordsHandler(CreditDbContext db, CreditRecordPreparer preparer, LedgerWriter ledger, TimeProvider clock)
{
    public const int MaxRecords = 1000;
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public async Task<CreditRecordImportResult> HandleAsync(byte[] file, CancellationToken ct)
    {
        var document = Parse(file);
        var lines = JsonItemLines.Of(file);
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pending = new List<CreditRecord>();
        var skipped = 0;
        for (var i = 0; i < document.Records!.Count; i++)
        {
            var where = Invariant($"第 {i + 1} 条记录（records[{i}]") + (i < lines.Count ? Invariant($"，第 {lines[i]} 行）") : "）");
            var item = document.Records[i];
            if (item is null)
            {
                errors[Key(i)] = [$"{where}：记录不能为空。"];
                continue;
            }

            item.SourceSystem = string.IsNullOrWhiteSpace(item.SourceSystem) ? document.SourceSystem : item.SourceSystem;
            try
            {
                if (await AlreadyImportedAsync(item, ct))
                {
                    skipped++;
                    continue;
                }

                pending.Add(await preparer.PrepareAsync(item, pending, now, ct));
            }
            catch (InputValidationException invalid)
            {
                errors[Key(i)] = [.. invalid.Errors.SelectMany(e => e.Value.Select(m => $"{where} {e.Key}：{m}"))];
            }
            catch (BusinessRuleException rule)
            {
                errors[Key(i)] = [$"{where}：{rule.Message}"];
            }
            catch (ForbiddenException forbidden)
            {
                errors[Key(i)] = [$"{where}：{forbidden.Message}"];
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        if (pending.Count > 0)
        {
            db.CreditRecords.AddRange(pending);
            try
            {
                await ledger.SaveChangesAsync(db, [.. pending.Select(CreditRecordLedger.Entered)], ct);
            }
            catch (DbUpdateException)
            {
                foreach (var record in pending)
                {
                    db.Entry(record).State = EntityState.Detached;
                }

                throw new BusinessRuleException("导入期间有相同的记录刚刚被录入，本次导入未保存任何记录。请重新导入该文件，已录入的记录会被跳过。", CreditRecordErrors.RecordsCitation);
            }
        }

        return new CreditRecordImportResult(pending.Count, skipped, [.. pending.Select(r => r.Id)]);
    }

    private static string Key(int i) => Invariant($"records[{i}]");

    private static CreditRecordImportDocument Parse(byte[] file)
    {
        if (file.Length == 0 || file.Length > MaxBytes)
        {
            throw FileError(Invariant($"导入文件为空或超过 {MaxBytes / 1024 / 1024} MB，请提交不超过此大小的 JSON 文件；记录较多时请分批导入。"));
        }

        CreditRecordImportDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CreditRecordImportDocument>(file, Json);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? Invariant($"第 {line + 1} 行") : "";
            throw FileError($"导入文件不是有效的 JSON，或字段的值类型不对（{at}{(e.Path is { } p ? $"，位置 {p}" : "")}）。请按 docs/credit-records-import.md 的格式更正；日期写作 \"2026-11-02\"，类别写作 \"Penalty\" 等。");
        }

        if (document?.Format != CreditRecordImportDocument.CurrentFormat)
        {
            throw FileError($"导入文件的 format 应为 \"{CreditRecordImportDocument.CurrentFormat}\"，请核对文件格式。");
        }

        if (document.Records is not { Count: > 0 } records || records.Count > MaxRecords)
        {
            throw FileError(Invariant($"导入文件的 records 应包含 1 至 {MaxRecords} 条记录。"));
        }

        return document;
    }

    private async Task<bool> AlreadyImportedAsync(CreditRecordInput item, CancellationToken ct)
    {
        var source = item.SourceSystem?.Trim();
        var number = item.DecisionNumber?.Trim();
        var action = item.Action ?? CreditRecordAction.Original;
        if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(number))
        {
            return false;
        }

        var existing = await db.CreditRecords.AsNoTracking()
            .Where(r => r.SourceSystem == source && r.DecisionNumber == number && r.Action == action && (item.Kind == null || r.Kind == item.Kind))
            .Select(r => new { r.SubjectKey, r.DecisionDate })
            .FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return false;
        }

        var key = CreditCode.TryParse(item.CreditCode, out var code, out _) ? code.Value
            : ResidentIdNumber.TryNormalize(item.ExpertIdNumber, out var id, out _) ? ResidentIdNumber.Digest(id) : "";
        return existing.SubjectKey == key && existing.DecisionDate == item.DecisionDate
            ? true
            : throw new BusinessRuleException($"来源系统“{source}”的决定文号“{number}”已导入过一条内容不同的记录（对象或决定日期不同）。如需修改已导入的记录，请以更正记录（action 为 Correction）导入。");
    }

    private static InputValidationException FileError(string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [message] });
}
