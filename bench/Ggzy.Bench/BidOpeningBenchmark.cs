using System.Diagnostics;
using System.Globalization;
using Ggzy.Sealing.Crypto;
using Ggzy.Sealing.Envelope;
using Ggzy.TestKit.Bidders;

namespace Ggzy.Bench;

/// <summary>The opening's parameters: how many envelopes of how many MiB, the cache directory, where plaintexts go, rounds.</summary>
internal sealed record BidOpeningSettings(int Envelopes, int Mb, string CacheDirectory, string Sink, int Rounds)
{
    public bool ToFiles => Sink == "files";
}

/// <summary>One timed pass over all envelopes: wall time, CPU of this process and of the processes it ran, the machine's.</summary>
internal sealed record OpeningRun(TimeSpan Elapsed, double CpuSeconds, MachineCpu Machine);

/// <summary>One round: the opener, then OpenSSL's command line over the same sections.</summary>
internal sealed record OpeningRound(OpeningRun Opener, OpeningRun OpenSsl)
{
    public double Ratio => Opener.Elapsed / OpenSsl.Elapsed;
}

internal sealed record BidOpeningResult(
    BidOpeningSettings Settings, int Cores, string Crypto, long EnvelopeBytes, long CipherBytes, long PlainBytes, int Sections,
    IReadOnlyList<OpeningRound> Rounds, OpenSslSpeed Speed, IReadOnlyList<PrimitiveSpeed> Primitives, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public TimeSpan Opener => Rounds.Aggregate(TimeSpan.Zero, (t, r) => t + r.Opener.Elapsed) / Rounds.Count;

    public TimeSpan OpenSsl => Rounds.Aggregate(TimeSpan.Zero, (t, r) => t + r.OpenSsl.Elapsed) / Rounds.Count;

    /// <summary>The opener's time over OpenSSL's command line's on the same sections, the rounds taken together.</summary>
    public double Ratio => Opener / OpenSsl;

    /// <summary>What OpenSSL's own SM4-CBC decryption and SM3 (twice: ciphertext, HMAC of the plaintext) need for these bytes at <c>openssl speed</c>'s rate on every core.</summary>
    public TimeSpan SpeedTime => TimeSpan.FromSeconds(CipherBytes / Speed.Sm4CbcDecrypt + CipherBytes / Speed.Sm3 + PlainBytes / Speed.Sm3);

    public double SpeedRatio => Opener / SpeedTime;

    public double MBps(TimeSpan elapsed) => EnvelopeBytes / 1e6 / elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Settings.Envelopes} envelopes, {EnvelopeBytes / 1e9:F2} GB: opener {Opener.TotalSeconds:F1} s ({MBps(Opener):F0} MB/s), openssl enc/dgst {OpenSsl.TotalSeconds:F1} s ({MBps(OpenSsl):F0} MB/s), ratio {Ratio:F2}; "
        + $"openssl speed on {Cores} cores: SM4-CBC decrypt {Speed.Sm4CbcDecrypt / 1e6:F0} MB/s, SM3 {Speed.Sm3 / 1e6:F0} MB/s → {SpeedTime.TotalSeconds:F1} s, ratio {SpeedRatio:F2}; {(Passed ? "all opened and checked" : $"FAILED ({Failures.Count})")}");
}

/// <summary>
/// Opening a lot (issue 6, "Measured"): many sealed bids opened with <see cref="EnvelopeOpener"/> on every core against
/// OpenSSL's own SM4 and SM3 on the same bytes in the same run — its command line (<c>openssl dgst -sm3</c> over each
/// section's ciphertext, <c>openssl enc -d -sm4-cbc</c>, <c>openssl dgst -sm3 -mac HMAC</c> over the plaintext, one
/// section at a time per core) and <c>openssl speed -evp</c> scaled to the byte count.
/// </summary>
internal static class BidOpeningBenchmark
{
    // A lot code of the benchmark's own; the envelopes are opened, not submitted, so no platform needs to know it.
    private const string LotCode = "E9901000001009001";

    public static async Task<BidOpeningResult> RunAsync(BidOpeningSettings settings, Action<string> log, CancellationToken ct)
    {
        var cores = Environment.ProcessorCount;
        var sizes = Enumerable.Repeat((long)settings.Mb << 20, settings.Envelopes).ToList();
        var root = Directory.CreateTempSubdirectory("ggzy-bench-opening-").FullName;
        try
        {
            CheckDiskSpace(root, settings, sizes);
            var keyring = BidderKeyring.LoadOrCreate(Path.Combine(settings.CacheDirectory, "keys"), settings.Envelopes, TimeProvider.System.GetUtcNow());
            var envelopes = await BidRushEnvelopes.PrepareAsync(Path.Combine(settings.CacheDirectory, "envelopes"), keyring, LotCode, sizes, log, ct);

            log("  unwrapping the content keys and extracting each section's ciphertext for OpenSSL (not timed)…");
            var sealedBids = new SealedBid[envelopes.Count];
            var cipherDirectory = Path.Combine(root, "cipher");
            Directory.CreateDirectory(cipherDirectory);
            await Parallel.ForEachAsync(Enumerable.Range(0, envelopes.Count), new ParallelOptions { MaxDegreeOfParallelism = cores, CancellationToken = ct }, (i, _) =>
            {
                sealedBids[i] = Extract(envelopes[i], keyring.Bidders[i], cipherDirectory);
                return ValueTask.CompletedTask;
            });

            var crypto = EnvelopeOpener.Default.Crypto;
            log($"  opener's SM3/SM4: {crypto.Name}; measuring the primitives on one core and `openssl speed` on {cores}…");
            var primitives = PrimitiveSpeed.Measure();
            foreach (var p in primitives)
            {
                log($"    {p}");
            }

            var speed = await OpenSslSpeed.MeasureAsync(cores, ct);
            log($"    openssl speed, {cores} processes: SM4-CBC decrypt {speed.Sm4CbcDecrypt / 1e6:F0} MB/s, SM3 {speed.Sm3 / 1e6:F0} MB/s");

            var failures = new List<string>();
            var rounds = new List<OpeningRound>();
            var plainDirectory = Path.Combine(root, "plain");
            for (var round = 1; round <= settings.Rounds; round++)
            {
                log($"  round {round}: the opener, {cores} envelopes at a time, plaintexts to {(settings.ToFiles ? "files" : "no sink (verify only)")}…");
                var opener = await TimedAsync(() => OpenAllAsync(sealedBids, settings.ToFiles ? plainDirectory : null, cores, failures, ct));
                log($"    {opener.Elapsed.TotalSeconds:F1} s, {opener.CpuSeconds:F0} s CPU; machine: {opener.Machine.Shares()}");
                log($"  round {round}: openssl dgst / enc -d / dgst -mac HMAC, {cores} sections at a time…");
                var openSsl = await TimedAsync(() => OpenSslBaseline.RunAsync(sealedBids, settings.ToFiles ? plainDirectory : null, cores, failures, ct));
                log($"    {openSsl.Elapsed.TotalSeconds:F1} s, {openSsl.CpuSeconds:F0} s CPU (this process and its children); machine: {openSsl.Machine.Shares()}");
                rounds.Add(new OpeningRound(opener, openSsl));
            }

            var sections = sealedBids.Sum(b => b.Sections.Count);
            return new BidOpeningResult(settings, cores, crypto.Name, envelopes.Sum(e => e.Size), sealedBids.Sum(b => b.Sections.Sum(s => s.Entry.CipherLength)),
                sealedBids.Sum(b => b.Sections.Sum(s => s.Entry.PlainLength)), sections, rounds, speed, primitives, failures);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Opens every envelope, checks each result and each plaintext file's length, then removes the plaintexts.</summary>
    private static async Task OpenAllAsync(SealedBid[] bids, string? plainDirectory, int cores, List<string> failures, CancellationToken ct)
    {
        if (plainDirectory is not null)
        {
            Directory.CreateDirectory(plainDirectory);
        }

        var requests = bids.Select(b => new EnvelopeToOpen(b.Envelope.Path, b.ContentKey, plainDirectory is null
            ? null
            : (i, _) => new FileStream(b.PlainPath(plainDirectory, i), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))).ToList();
        var results = await EnvelopeOpener.Default.OpenManyAsync(requests, cores, ct);
        for (var i = 0; i < results.Count; i++)
        {
            var bid = bids[i];
            if (!results[i].IsOpened)
            {
                failures.Add($"opener, bidder {bid.Envelope.BidderNumber}: {results[i].Code} {results[i].Failure?.Message}");
            }
            else if (results[i].Opened!.Digest != bid.Envelope.Digest)
            {
                failures.Add($"opener, bidder {bid.Envelope.BidderNumber}: digest {results[i].Opened!.Digest}, expected {bid.Envelope.Digest}");
            }
            else if (plainDirectory is not null)
            {
                failures.AddRange(bid.Sections.Where((s, n) => new FileInfo(bid.PlainPath(plainDirectory, n)).Length != s.Entry.PlainLength)
                    .Select(s => $"opener, bidder {bid.Envelope.BidderNumber}: section {s.Entry.Name} written with the wrong length"));
            }
        }

        if (plainDirectory is not null)
        {
            Directory.Delete(plainDirectory, recursive: true);
        }
    }

    private static async Task<OpeningRun> TimedAsync(Func<Task> run)
    {
        // What the previous step wrote and deleted is not left to the disk while this one is timed.
        await RunSyncAsync();
        var machine = MachineCpu.Read();
        var cpu = OwnAndChildrenCpu();
        var started = Stopwatch.GetTimestamp();
        await run();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new OpeningRun(elapsed, OwnAndChildrenCpu() - cpu, MachineCpu.Read() - machine);
    }

    private static async Task RunSyncAsync()
    {
        if (File.Exists("/bin/sync"))
        {
            using var sync = Process.Start("/bin/sync");
            await sync!.WaitForExitAsync();
        }
    }

    /// <summary>CPU seconds of this process and of its ended children (Linux /proc/self/stat utime, stime, cutime, cstime).</summary>
    private static double OwnAndChildrenCpu()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        }

        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The bidder's content key (as its tool unwraps it) and each section's ciphertext copied to a file of its own.</summary>
    private static SealedBid Extract(BidEnvelope envelope, BidderIdentity bidder, string directory)
    {
        using var input = new FileStream(envelope.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var header = EnvelopeOpener.ReadHeader(input);
        var key = EnvelopeOpener.UnwrapKey(header, bidder.Certificate.Key);
        var sections = new List<SealedSection>();
        var buffer = new byte[1 << 20];
        for (var i = 0; i < header.Sections.Count; i++)
        {
            var path = Path.Combine(directory, $"bidder{envelope.BidderNumber}-{i}.enc");
            using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            for (var left = header.Sections[i].CipherLength; left > 0;)
            {
                var count = (int)Math.Min(left, buffer.Length);
                input.ReadExactly(buffer, 0, count);
                output.Write(buffer, 0, count);
                left -= count;
            }

            sections.Add(new SealedSection(header.Sections[i], path));
        }

        return new SealedBid(envelope, key, sections);
    }

    /// <summary>The envelope cache (until filled), the extracted ciphertexts and one set of plaintexts must fit on the disk.</summary>
    private static void CheckDiskSpace(string root, BidOpeningSettings settings, IReadOnlyList<long> sizes)
    {
        var cache = Path.Combine(Path.GetFullPath(settings.CacheDirectory), "envelopes");
        Directory.CreateDirectory(cache);
        var total = sizes.Sum();
        var cached = Directory.EnumerateFiles(cache, "*.gse").Sum(f => new FileInfo(f).Length);
        var needed = total + (settings.ToFiles ? total : 0) + Math.Max(0, total - cached) + (1L << 30);
        var free = new DriveInfo(root).AvailableFreeSpace;
        if (free < needed)
        {
            throw new InvalidOperationException(
                $"The opening needs about {needed / 1e9:F1} GB free (the extracted ciphertexts, the plaintexts and the envelope cache) but {free / 1e9:F1} GB are: lower --envelopes or --mb.");
        }
    }
}

/// <summary>An envelope of the benchmark with its content key and its sections' ciphertexts extracted to files.</summary>
internal sealed record SealedBid(BidEnvelope Envelope, byte[] ContentKey, IReadOnlyList<SealedSection> Sections)
{
    public string PlainPath(string directory, int section) => Path.Combine(directory, $"bidder{Envelope.BidderNumber}-{section}.out");
}

internal sealed record SealedSection(SectionEntry Entry, string CipherPath);

/// <summary>One core's throughput of each primitive, BouncyCastle against libcrypto, over 64 MiB in memory (best of three).</summary>
internal sealed record PrimitiveSpeed(string Crypto, double Sm3MBps, double Sm4CbcDecryptMBps, double HmacSm3MBps)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Crypto}: SM3 {Sm3MBps:F0} MB/s, SM4-CBC decrypt {Sm4CbcDecryptMBps:F0} MB/s, HMAC-SM3 {HmacSm3MBps:F0} MB/s (one core)");

    public static IReadOnlyList<PrimitiveSpeed> Measure()
    {
        var data = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64 << 20);
        var output = new byte[EnvelopeOpener.PieceBytes];
        var key = new byte[16];
        return [.. new[] { SmCrypto.Managed, SmCrypto.LibCrypto }.OfType<SmCrypto>().Select(crypto => new PrimitiveSpeed(crypto.Name,
            Best(data.Length, () =>
            {
                using var sm3 = crypto.CreateSm3();
                sm3.Append(data);
                sm3.Finish();
            }),
            Best(data.Length, () =>
            {
                using var sm4 = crypto.CreateSm4CbcDecryptor(key, key);
                for (var offset = 0; offset < data.Length; offset += output.Length)
                {
                    sm4.Decrypt(data.AsSpan(offset, output.Length), output);
                }
            }),
            Best(data.Length, () =>
            {
                using var mac = crypto.CreateHmacSm3(key);
                mac.Append(data);
                mac.Finish();
            })))];
    }

    private static double Best(long bytes, Action run)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            var elapsed = Stopwatch.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }

        return bytes / 1e6 / best.TotalSeconds;
    }
}
