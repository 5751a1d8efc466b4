using Ggzy.Platform.Data;
using Ggzy.TestKit;

namespace Ggzy.Browser.Tests;

/// <summary>The host on a real loopback port and an embedded SQLite database, for the browser to reach.</summary>
public class BrowserApp : GgzyApp
{
    private Uri? _address;

    public Uri Address => _address ?? throw new InvalidOperationException("Call InitializeAsync first.");

    protected override DatabaseProvider? Provider => DatabaseProvider.Sqlite;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _address = StartOnLoopback();
    }
}
