namespace Ggzy.Experts;

/// <summary>The module's Chinese messages, in one place.</summary>
internal static class ExpertsErrors
{
    public const string ExpertNotFound = "没有找到该专家，或您无权查看。";
}
