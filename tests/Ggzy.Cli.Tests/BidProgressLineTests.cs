using Ggzy.Cli.Bids;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

public sealed class BidProgressLineTests
{
    [Fact]
    public void OnATerminal_TheUploadLineShowsPercentAndMegabytes_AndIsErased()
    {
        using var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, ErrorIsTerminal: true, Directory.GetCurrentDirectory());

        using (var line = UploadProgressLine.Start(console, enabled: true, total: 8 << 20))
        {
            line.ShouldNotBeNull();
            line.Report(0);
            line.Report(8 << 20);
        }

        var written = error.ToString();
        written.ShouldStartWith("\r递交投标文件");
        written.ShouldContain("100%  8.0 / 8.0 MB");
        written.ShouldContain("MB/s");
        written.ShouldEndWith("\r");
    }

    [Fact]
    public void WhenRedirectedOrJson_NothingIsDrawn()
    {
        var terminal = new CliConsole(TextWriter.Null, TextWriter.Null, ErrorIsTerminal: true, ".");

        UploadProgressLine.Start(terminal, enabled: false, 1).ShouldBeNull();
        UploadProgressLine.Start(terminal with { ErrorIsTerminal = false }, enabled: true, 1).ShouldBeNull();
    }
}
