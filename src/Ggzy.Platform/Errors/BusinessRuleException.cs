namespace Ggzy.Platform.Errors;

/// <summary>
/// A rule of the law or of the platform forbids what was asked. The message is Chinese and says what to fix;
/// <see cref="Citation"/> names the article that applies, when one does.
/// </summary>
public class BusinessRuleException(string message, string? citation = null, string? field = null)
    : Exception(message)
{
    public string? Citation { get; } = citation;

    public string? Field { get; } = field;

    /// <summary>A stable machine-readable code (e.g. <c>BID_AFTER_DEADLINE</c>), given to API clients as <c>code</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The HTTP status for API clients: 422 unless the refusal is a conflict (409) or similar.</summary>
    public int Status { get; init; } = 422;

    /// <summary>Further members of the problem document a client acts on (e.g. where a resumed upload continues).</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
}
