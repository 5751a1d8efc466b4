namespace Ggzy.Platform.Errors;

/// <summary>The caller is signed in but may not act on this resource.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
