namespace Ggzy.ArchitectureTests.Samples;

// Deliberate violations, so that the tests can show that each scan finds what it looks for.

internal static class FormattingUtils
{
#pragma warning disable RS0030 // The point of this sample is the banned call.
    public static DateTime Stamp() => DateTime.UtcNow;
#pragma warning restore RS0030
}
