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
}
