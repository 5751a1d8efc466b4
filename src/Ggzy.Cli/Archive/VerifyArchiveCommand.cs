using System.CommandLine;
using System.Globalization;
using Ggzy.Sealing.Archive;
using Ggzy.Sealing.Pki;

namespace Ggzy.Cli.Archive;

/// <summary>
/// <c>ggzy archive verify FILE [--platform-key PEM]</c>: checks an archive package offline (docs/archive.md §3) — the
/// manifest's signature, every document's SM3 and size, the platform's own signatures of the documents it signed (the
/// evaluation report, the award notice), no file missing or extra, the ZIP layout byte for byte. Exit 0
/// when intact, 3 naming every file that fails, 1 when the package or the key cannot be read. Without
/// <c>--platform-key</c> the signature is checked with the key inside the package, which proves that nothing changed since
/// it was signed but not who signed it: the output gives the key's fingerprint to compare with the platform's.
/// </summary>
internal static class VerifyArchiveCommand
{
    public static Command Create(DatabaseSelection database, CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "归档包（.zip）" };
        var platformKey = new Option<string?>("--platform-key")
        {
            Description = "平台的签名公钥（PEM，GET /api/v1/trading/bids/receipt-key 所公布的）；不给则用包内的公钥，只能证明包未被改动",
            HelpName = "PEM",
        };
        var command = new Command("verify", "离线校验归档包：清单的 SM3withSM2 签名、每个文件的 SM3 摘要和大小、有无缺少或多出的文件、ZIP 结构。"
            + "退出码：0 完好，3 归档包受损（列出每个有问题的文件），1 用法错误或无法读取。")
        {
            file, platformKey,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return CommandRunner.RunAsync(console, json, () => RunAsync(
                Path.GetFullPath(result.GetValue(file)!, console.WorkingDirectory),
                result.GetValue(platformKey) is { } key ? Path.GetFullPath(key, console.WorkingDirectory) : null,
                console, json, ct));
        });
        return command;
    }

    private static async Task<int> RunAsync(string path, string? keyFile, CliConsole console, bool json, CancellationToken ct)
    {
        PublicKey? key = null;
        if (keyFile is not null)
        {
            try
            {
                key = PublicKey.Parse(await File.ReadAllBytesAsync(keyFile, ct));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"无法读取平台公钥文件 {keyFile}：{e.Message}");
            }
            catch (CertificateFormatException e)
            {
                throw new CliException($"{keyFile}：{e.Message}");
            }
        }

        ArchiveVerification verification;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            verification = ArchiveVerifier.Verify(stream, Path.GetFileName(path), key);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"找不到归档包 {path}。");
        }

        await WriteAsync(console, json, path, verification);
        return verification.IsIntact ? ExitCodes.Ok : ExitCodes.ArchiveDamaged;
    }

    private static async Task WriteAsync(CliConsole console, bool json, string path, ArchiveVerification v)
    {
        var m = v.Manifest;
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new
            {
                status = v.IsIntact ? "intact" : "damaged",
                package = path,
                keyFingerprint = v.KeyFingerprint,
                keyGiven = v.KeyGiven,
                lot = m?.Lot.Code,
                project = m?.Project.Code,
                builtAt = m?.BuiltAt,
                retention = m?.Retention,
                documents = v.DocumentsChecked,
                bytes = v.DocumentBytes,
                signedDocuments = v.SignaturesChecked,
                faults = v.Faults.Select(f => new { file = f.File, kind = Kind(f.Kind), message = f.Message }),
            });
            return;
        }

        if (v.IsIntact && m is not null)
        {
            await console.Out.WriteLineAsync($"归档包完好：{Path.GetFileName(path)}");
            await console.Out.WriteLineAsync($"  标段 {m.Lot.Code}（{m.Lot.Name}），项目 {m.Project.Code}（{m.Project.Name}）");
            await console.Out.WriteLineAsync($"  {v.DocumentsChecked} 个文件，共 {CliOutput.Count(v.DocumentBytes)} 字节，SM3 摘要全部相符，无缺少或多出的文件");
            if (v.SignaturesChecked > 0)
            {
                await console.Out.WriteLineAsync($"  {v.SignaturesChecked} 份由平台单独签署的文件（评标报告、中标通知书等，附 .sig）签名有效");
            }

            var years = m.Retention.Years is { } y ? $"{y} 年，至 {m.Retention.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "未规定年限";
            await console.Out.WriteLineAsync($"  保存期限：{years}（{m.Retention.Basis}）");
            await console.Out.WriteLineAsync(v.KeyGiven
                ? $"  清单签名有效，由所给的平台公钥签发（指纹 {v.KeyFingerprint}）"
                : $"  清单签名有效，但只用包内的公钥核验（指纹 {v.KeyFingerprint}）：请与平台公布的公钥指纹核对，或用 --platform-key 指定平台公钥");
            return;
        }

        await console.Out.WriteLineAsync($"归档包受损：{Path.GetFileName(path)}，{v.Faults.Count} 处问题");
        foreach (var fault in v.Faults)
        {
            await console.Out.WriteLineAsync($"  {fault.File}：{fault.Message}");
        }
    }

    private static string Kind(ArchiveFaultKind kind) => kind switch
    {
        ArchiveFaultKind.NotAPackage => "not-a-package",
        ArchiveFaultKind.Layout => "layout",
        ArchiveFaultKind.Signature => "signature",
        ArchiveFaultKind.Manifest => "manifest",
        ArchiveFaultKind.Content => "content",
        ArchiveFaultKind.Missing => "missing",
        ArchiveFaultKind.Extra => "extra",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
