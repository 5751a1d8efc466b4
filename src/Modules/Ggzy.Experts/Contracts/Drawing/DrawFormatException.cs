namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>A snapshot or selection text that is not in the canonical form of docs/expert-draw.md.</summary>
public sealed class DrawFormatException(string message) : Exception(message);
