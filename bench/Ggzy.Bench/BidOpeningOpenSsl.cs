using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Ggzy.Bench;

/// <summary>
/// OpenSSL's own command line doing the opening's work on the extracted sections: <c>openssl dgst -sm3</c> over the
/// ciphertext, <c>openssl enc -d -sm4-cbc</c> and <c>openssl dgst -sm3 -mac HMAC</c> over the plaintext (a file, or a
/// pipe when no plaintext is kept), as many sections at a time as there are cores. Every digest is compared with the
/// signed header, so this side is checked as the opener is.
/// </summary>
internal static class OpenSslBaseline
{
    public const string OpenSsl = "/usr/bin/openssl";

    public static async Task RunAsync(IReadOnlyList<SealedBid> bids, string? plainDirectory, int cores, List<string> failures, CancellationToken ct)
    {
        if (plainDirectory is not null)
        {
            Directory.CreateDirectory(plainDirectory);
        }

        var problems = new ConcurrentQueue<string>();
        var sections = bids.SelectMany(b => b.Sections.Select((s, i) => (Bid: b, Section: s, Index: i))).ToList();
        await Parallel.ForEachAsync(sections, new ParallelOptions { MaxDegreeOfParallelism = cores, CancellationToken = ct }, async (item, token) =>
        {
            var (bid, section, index) = item;
            var key = Convert.ToHexStringLower(bid.ContentKey);
            var entry = section.Entry;
            try
            {
                var cipherSm3 = await RunAsync(OpenSsl, ["dgst", "-sm3", "-r", section.CipherPath], token);
                string plainMac;
                if (plainDirectory is null)
                {
                    plainMac = await RunAsync("/bin/sh",
                    [
                        "-c", "\"$0\" enc -d -sm4-cbc -K \"$1\" -iv \"$2\" -in \"$3\" | \"$0\" dgst -sm3 -mac HMAC -macopt \"hexkey:$1\" -r",
                        OpenSsl, key, entry.Iv, section.CipherPath,
                    ], token);
                }
                else
                {
                    var plain = bid.PlainPath(plainDirectory, index);
                    await RunAsync(OpenSsl, ["enc", "-d", "-sm4-cbc", "-K", key, "-iv", entry.Iv, "-in", section.CipherPath, "-out", plain], token);
                    plainMac = await RunAsync(OpenSsl, ["dgst", "-sm3", "-mac", "HMAC", "-macopt", "hexkey:" + key, "-r", plain], token);
                    if (new FileInfo(plain).Length != entry.PlainLength)
                    {
                        problems.Enqueue($"openssl, bidder {bid.Envelope.BidderNumber}: section {entry.Name} decrypted to the wrong length");
                    }
                }

                if (cipherSm3.Split(' ')[0] != entry.CipherSm3 || plainMac.Split(' ')[0] != entry.PlainMac)
                {
                    problems.Enqueue($"openssl, bidder {bid.Envelope.BidderNumber}: section {entry.Name} digests differ from the header");
                }
            }
            catch (InvalidOperationException e)
            {
                problems.Enqueue($"openssl, bidder {bid.Envelope.BidderNumber}: section {entry.Name}: {e.Message}");
            }
        });
        failures.AddRange(problems);
        if (plainDirectory is not null)
        {
            Directory.Delete(plainDirectory, recursive: true);
        }
    }

    /// <summary>Runs a program to its end and returns what it printed; throws when it fails.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {(await error).Trim()}");
    }
}

/// <summary>
/// <c>openssl speed -evp</c> for SM4-CBC decryption and SM3 on 256 KiB blocks (the opener's piece), one process per
/// core (<c>-multi</c>), in bytes per second summed over the processes.
/// </summary>
internal sealed record OpenSslSpeed(double Sm4CbcDecrypt, double Sm3)
{
    public static async Task<OpenSslSpeed> MeasureAsync(int cores, CancellationToken ct) => new(
        await MeasureAsync(cores, "SM4-CBC", ["-evp", "sm4-cbc", "-decrypt"], ct),
        await MeasureAsync(cores, "sm3", ["-evp", "sm3"], ct));

    private static async Task<double> MeasureAsync(int cores, string label, string[] algorithm, CancellationToken ct)
    {
        var output = await OpenSslBaseline.RunAsync(OpenSslBaseline.OpenSsl,
            ["speed", "-seconds", "3", "-bytes", "262144", "-multi", cores.ToString(CultureInfo.InvariantCulture), .. algorithm], ct);
        // The summary's last line: "SM4-CBC          76927.58k" (thousands of bytes per second).
        var line = output.Split('\n').Last(l => l.StartsWith(label + " ", StringComparison.OrdinalIgnoreCase));
        var value = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('k');
        return double.Parse(value, CultureInfo.InvariantCulture) * 1000;
    }
}
