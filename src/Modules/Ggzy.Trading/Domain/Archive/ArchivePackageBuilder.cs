using System.Text;
using Ggzy.Platform.Rules;
using Ggzy.Sealing.Archive;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Archive;

/// <summary>What an archived document is; it decides the folder it goes in (docs/archive.md §1, 20号令 第四十条).</summary>
internal enum ArchiveDocumentKind
{
    /// <summary>招标公告、资格预审公告、投标邀请书、更正公告.</summary>
    Announcement = 1,

    /// <summary>招标文件、资格预审文件.</summary>
    TenderDocuments = 2,

    /// <summary>澄清、修改及异议答复.</summary>
    Clarification = 3,

    /// <summary>投标文件（密封信封及解密后的各部分）、投标回执.</summary>
    Bid = 4,

    /// <summary>开标记录（平台签名）.</summary>
    OpeningRecord = 5,

    /// <summary>评标报告、评分表、报价修正及确认、澄清记录.</summary>
    EvaluationReport = 6,

    /// <summary>中标候选人公示及异议答复.</summary>
    CandidatePublicity = 7,

    /// <summary>中标结果公告.</summary>
    ResultNotice = 8,

    /// <summary>中标通知书.</summary>
    AwardNotice = 9,

    /// <summary>合同及合同公告、履约记录.</summary>
    Contract = 10,

    /// <summary>本标段的交易记录账本摘录.</summary>
    LedgerExtract = 11,

    /// <summary>开标、评标录音录像的存放位置与摘要（录像本身不入包）.</summary>
    RecordingReference = 12,

    /// <summary>其他.</summary>
    Other = 99,
}

/// <summary>How the archived procedure ended.</summary>
internal enum ArchiveOutcome
{
    /// <summary>已签订合同.</summary>
    Awarded = 1,

    /// <summary>招标失败（流标、废标、否决全部投标）.</summary>
    Failed = 2,

    /// <summary>终止招标.</summary>
    Terminated = 3,
}

/// <summary>One document to archive: its kind, its file name (no folders), an optional title, and how to read it.</summary>
internal sealed record ArchiveDocument(ArchiveDocumentKind Kind, string FileName, string? Title, Func<Stream> Open);

/// <summary>The lot the package archives, and how and when its procedure ended.</summary>
internal sealed record ArchiveLot(
    string ProjectCode,
    string ProjectName,
    string LotCode,
    string LotName,
    Regime Regime,
    ProcurementMethod Method,
    ArchiveOutcome Outcome,
    DateOnly ClosedOn);

/// <summary>
/// How long a package is kept (R20, T21). 政府采购: at least 15 years from the end of the procurement (采购法 第四十二条), or
/// the region's longer value. 工程招标: the sources give no national number of years — 1117号 (八) requires the tenderer to
/// keep the archive complete and safe "按照有关规定" — so the years come from configuration with their basis, and without
/// one the manifest states that none is fixed nationally and the archive may not be destroyed without authority.
/// </summary>
internal static class ArchiveRetentions
{
    public const string TenderWithoutRule =
        "国家层面的招标投标法律法规未规定统一的工程招标档案保存年限；招标人应当按照有关规定加强招标档案管理，不得擅自销毁（"
        + StatutoryRules.Opinions1117 + "（八））。按招标人及所在地区的档案管理规定保存。";

    public static ArchiveRetention Procurement(DateOnly closedOn, EffectiveRule? rule = null)
    {
        var effective = rule ?? new EffectiveRule(StatutoryRules.ProcurementRecordRetention, StatutoryRules.ProcurementRecordRetention.Value,
            StatutoryRules.ProcurementRecordRetention.Citation, null);
        var years = (int)decimal.Ceiling(effective.Value);
        return new ArchiveRetention(years, closedOn.AddYears(years), $"采购文件自采购结束之日起至少保存 {years} 年（{effective.Source}）");
    }

    /// <summary>The configured years and basis for 工程招标, or the statement that no national number exists.</summary>
    public static ArchiveRetention Tender(DateOnly closedOn, int? years = null, string? basis = null)
    {
        if (years is not { } y)
        {
            return new ArchiveRetention(null, null, TenderWithoutRule);
        }

        if (y <= 0 || string.IsNullOrWhiteSpace(basis))
        {
            throw new ArgumentException("A configured retention needs positive years and its basis.", nameof(years));
        }

        return new ArchiveRetention(y, closedOn.AddYears(y), basis.Trim());
    }
}

/// <summary>
/// Builds a lot's archive package (归档包, docs/archive.md) from named byte streams: each document goes into the folder of
/// its kind (<c>02-招标文件/招标文件.pdf</c>), a name used twice gets a number, and the manifest
/// <c>ggzy.archive-manifest.v1</c> lists them with size and SM3, signed by the platform key. No database: the caller
/// gathers the documents (the blob store, the opening record, the Ledger extract) and the signer.
/// </summary>
internal static class ArchivePackageBuilder
{
    public const int MaxFileNameLength = 120;

    public static ArchiveManifest Build(
        Stream output,
        Guid packageId,
        DateTimeOffset builtAt,
        ArchiveLot lot,
        ArchiveRetention retention,
        IEnumerable<ArchiveDocument> documents,
        ArchiveSigner signer)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sources = new List<ArchiveSource>();
        foreach (var document in documents)
        {
            var path = Unique($"{Folder(document.Kind)}/{FileName(document.FileName)}", used);
            sources.Add(new ArchiveSource(path, Code(document.Kind), document.Title?.Trim() is { Length: > 0 } title ? title : Title(document.Kind),
                document.Open));
        }

        var description = new ArchiveDescription(packageId, builtAt,
            new ArchiveSubject(lot.LotCode, lot.LotName), new ArchiveSubject(lot.ProjectCode, lot.ProjectName),
            new ArchiveProcedure(lot.Regime == Regime.Tender ? "tender" : "procurement",
                lot.Method == ProcurementMethod.OpenTender ? "open-tender" : "invited-tender", Outcome(lot.Outcome), lot.ClosedOn),
            retention);
        return ArchivePackageWriter.Write(output, description, sources, signer);
    }

    /// <summary>The folder of a kind: a number for the order of the procedure and the Chinese name.</summary>
    public static string Folder(ArchiveDocumentKind kind) => kind switch
    {
        ArchiveDocumentKind.Announcement => "01-公告",
        ArchiveDocumentKind.TenderDocuments => "02-招标文件",
        ArchiveDocumentKind.Clarification => "03-澄清与修改",
        ArchiveDocumentKind.Bid => "04-投标文件",
        ArchiveDocumentKind.OpeningRecord => "05-开标记录",
        ArchiveDocumentKind.EvaluationReport => "06-评标报告",
        ArchiveDocumentKind.CandidatePublicity => "07-中标候选人公示",
        ArchiveDocumentKind.ResultNotice => "08-中标结果公告",
        ArchiveDocumentKind.AwardNotice => "09-中标通知书",
        ArchiveDocumentKind.Contract => "10-合同",
        ArchiveDocumentKind.LedgerExtract => "11-交易记录",
        ArchiveDocumentKind.RecordingReference => "12-音视频",
        ArchiveDocumentKind.Other => "99-其他",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Code(ArchiveDocumentKind kind) => kind switch
    {
        ArchiveDocumentKind.Announcement => "announcement",
        ArchiveDocumentKind.TenderDocuments => "tender-documents",
        ArchiveDocumentKind.Clarification => "clarification",
        ArchiveDocumentKind.Bid => "bid",
        ArchiveDocumentKind.OpeningRecord => "opening-record",
        ArchiveDocumentKind.EvaluationReport => "evaluation-report",
        ArchiveDocumentKind.CandidatePublicity => "candidate-publicity",
        ArchiveDocumentKind.ResultNotice => "result-notice",
        ArchiveDocumentKind.AwardNotice => "award-notice",
        ArchiveDocumentKind.Contract => "contract",
        ArchiveDocumentKind.LedgerExtract => "ledger-extract",
        ArchiveDocumentKind.RecordingReference => "recording-reference",
        ArchiveDocumentKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Title(ArchiveDocumentKind kind) => Folder(kind)[3..];

    private static string Outcome(ArchiveOutcome outcome) => outcome switch
    {
        ArchiveOutcome.Awarded => "awarded",
        ArchiveOutcome.Failed => "failed",
        ArchiveOutcome.Terminated => "terminated",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>A file name a package path accepts: NFC, forbidden characters as '_', no folders, at most <see cref="MaxFileNameLength"/> characters.</summary>
    public static string FileName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }

        var cleaned = builder.ToString().Trim().Trim('.');
        if (cleaned.Length == 0)
        {
            cleaned = "未命名";
        }

        if (cleaned.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(cleaned);
            cleaned = cleaned[..(MaxFileNameLength - Math.Min(extension.Length, 20))] + (extension.Length <= 20 ? extension : "");
        }

        return cleaned;
    }

    private static string Unique(string path, HashSet<string> used)
    {
        var candidate = path;
        var extension = Path.GetExtension(path);
        var stem = path[..^extension.Length];
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{stem} ({n}){extension}";
        }

        return candidate;
    }
}
