using Ggzy.Sealing.Envelope;

namespace Ggzy.Cli.Bids;

/// <summary>
/// The files of a bid as envelope sections after the price sheet (which <see cref="PriceSheetInput"/> makes): <c>doc-1</c>,
/// <c>doc-2</c>… Each file's own name goes into the envelope, so it must be a plain name (sealed-envelope.md §2).
/// </summary>
internal static class SectionFiles
{
    public static IReadOnlyList<(string Name, string Path)> Plan(IReadOnlyList<string> files)
    {
        if (files.Count + 1 > SealedEnvelope.MaxSections)
        {
            throw new CliException($"投标文件过多：除开标一览表外最多 {SealedEnvelope.MaxSections - 1} 个文件。请先打包为压缩文件。");
        }

        var plan = files.Select((path, i) => ($"doc-{i + 1}", path)).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal) { PriceSheetInput.FileName };
        foreach (var (_, path) in plan)
        {
            var name = Path.GetFileName(path);
            if (!IsPlainName(name))
            {
                throw new CliException($"文件名“{name}”不能写入投标文件：文件名不得为空或 . ..，不得含路径分隔符（/ \\）、冒号或控制字符，"
                    + "不超过 200 个字符（密封信封格式 §2）。请把文件改名后重试。");
            }

            if (!names.Add(name))
            {
                throw new CliException($"文件名“{name}”重复：开标时按文件名取出各分段，请给每个文件不同的名字。");
            }

            if (Directory.Exists(path))
            {
                throw new CliException($"{path} 是目录：请逐个列出文件，或先打包为压缩文件。");
            }
        }

        return plan;
    }

    public static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法读取文件 {path}：{e.Message}");
        }
    }

    private static bool IsPlainName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 200 && name is not "." and not ".."
        && name.IndexOfAny(['/', '\\', ':']) < 0 && !name.Any(char.IsControl);
}
