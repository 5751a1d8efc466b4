using System.Net.NetworkInformation;
using System.Reflection;
using System.Text;
using Ggzy.Sealing;
using Ggzy.Sealing.Envelope;

namespace Ggzy.Cli.Bids;

/// <summary>
/// This machine's bid-making fingerprint (sealed-envelope.md §2 <c>tool</c>): the tool version, the machine id of
/// /etc/machine-id (or, where there is none, the SM3 of the host name, stable across runs) and the MAC address of
/// the first network adapter that is up and not a loopback.
/// </summary>
internal static class ToolFingerprints
{
    private const string MachineIdFile = "/etc/machine-id";

    public static ToolFingerprint Current() => new(Version(), MachineId(), Mac());

    public static string Version()
    {
        var assembly = typeof(ToolFingerprints).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0";
        return "ggzy/" + version;
    }

    public static string MachineId()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var id = File.ReadAllText(MachineIdFile).Trim();
                if (id.Length > 0)
                {
                    return id;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No machine id on this system: the host name's digest stands in for it.
            }
        }

        return Sm3.HashHex(Encoding.UTF8.GetBytes(Environment.MachineName));
    }

    public static string Mac()
    {
        NetworkInterface[] adapters;
        try
        {
            adapters = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            return "";
        }

        var address = adapters
            .Where(a => a.OperationalStatus == OperationalStatus.Up && a.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .Select(a => a.GetPhysicalAddress().GetAddressBytes())
            .FirstOrDefault(bytes => bytes.Length > 0 && bytes.Any(b => b != 0));
        return address is null ? "" : string.Join('-', address.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
