namespace Ggzy.Platform.Errors;

/// <summary>Input that fails validation, with a Chinese message per field. Nothing has been changed.</summary>
public sealed class InputValidationException(IDictionary<string, string[]> errors)
    : Exception("提交的内容有误，请按提示修改后重试。")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
