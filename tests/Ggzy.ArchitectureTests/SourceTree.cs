using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Ggzy.ArchitectureTests;

/// <summary>A project under src/: its csproj's project references and its built assembly's metadata.</summary>
public sealed record SourceProject(string Name, string AssemblyName, string ProjectFile, IReadOnlyList<string> ProjectReferences)
{
    /// <summary>The assembly as built next to these tests (referenced) or in its own artifacts folder.</summary>
    public string AssemblyFile
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll");
            if (File.Exists(beside))
            {
                return beside;
            }

            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var own = Path.Combine(SourceTree.Root, "artifacts", "bin", Name, configuration, AssemblyName + ".dll");
            return File.Exists(own) ? own : throw new FileNotFoundException($"{Name} is not built: build Ggzy.slnx before these tests.", own);
        }
    }

    public IReadOnlyList<string> AssemblyReferences =>
        SourceTree.Read(AssemblyFile, md => md.AssemblyReferences
            .Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList());
}

public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<SourceProject> Projects { get; } = Directory
        .EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Select(Load)
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToList();

    public static T Read<T>(string assemblyFile, Func<MetadataReader, T> read)
    {
        using var stream = File.OpenRead(assemblyFile);
        using var pe = new PEReader(stream);
        return read(pe.GetMetadataReader());
    }

    private static SourceProject Load(string file)
    {
        var project = XDocument.Load(file);
        var references = project.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        var name = Path.GetFileNameWithoutExtension(file);
        var assemblyName = project.Descendants("AssemblyName").Select(a => a.Value.Trim()).LastOrDefault() ?? name;
        return new SourceProject(name, assemblyName, file, references);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ggzy.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ggzy.slnx not found above " + AppContext.BaseDirectory);
    }
}
