using System.Globalization;

namespace Ggzy.Trading.Areas.Trading.Pages;

/// <summary>Display helpers of the archive pages.</summary>
internal static class ArchivePages
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes < 1024 ? $"{bytes} 字节"
        : bytes < 1024 * 1024 ? (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB"
        : (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>The provisions of re-tendering, for the pages.</summary>
internal static class FailurePathRules
{
    public const string Tender = Features.Procedures.FailurePaths.TenderRetenderRule;

    public const string Procurement = Features.Procedures.FailurePaths.ProcurementRetenderRule;
}
