using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.TestKit;

public partial class GgzyApp
{
    /// <summary>
    /// Starts the host on Kestrel on a free loopback port, for clients that need a real socket (a browser), and
    /// returns its address. Call after <see cref="InitializeAsync"/> and before any client is created.
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }
}
