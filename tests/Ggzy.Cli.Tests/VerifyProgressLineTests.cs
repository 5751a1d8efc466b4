using Ggzy.Cli.Ledger;
using Ggzy.Platform.Ledger;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

public sealed class VerifyProgressLineTests
{
    [Fact]
    public async Task OnATerminal_ALongRunDrawsALineAndErasesIt()
    {
        using var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, ErrorIsTerminal: true, Directory.GetCurrentDirectory());

        using (var line = VerifyProgressLine.Start(console, enabled: true))
        {
            line.ShouldNotBeNull();
            line.Report(new LedgerVerifierProgress(10, 100));
            await Task.Delay(TimeSpan.FromMilliseconds(600), TestContext.Current.CancellationToken);
            line.Report(new LedgerVerifierProgress(50, 100));
        }

        var written = error.ToString();
        written.ShouldStartWith("\r校验账本");
        written.ShouldContain(" 50%  50 / 100 条");
        written.ShouldNotContain("10 / 100");
        written.ShouldEndWith("\r");
    }

    [Fact]
    public void WhenRedirectedOrJson_NothingIsDrawn()
    {
        var terminal = new CliConsole(TextWriter.Null, TextWriter.Null, ErrorIsTerminal: true, ".");
        var redirected = terminal with { ErrorIsTerminal = false };

        VerifyProgressLine.Start(terminal, enabled: false).ShouldBeNull();
        VerifyProgressLine.Start(redirected, enabled: true).ShouldBeNull();
    }
}
