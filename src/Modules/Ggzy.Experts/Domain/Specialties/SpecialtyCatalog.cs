using System.Text.Json;
using System.Text.Json.Serialization;
using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Domain.Specialties;

/// <summary>
/// The specialty table shipped with the module (<c>specialties.json</c>, embedded), loaded once and checked: codes are
/// unique, every parent exists, a child's code starts with its parent's and shares its sector.
/// </summary>
internal sealed class SpecialtyCatalog
{
    private readonly Dictionary<string, Specialty> _byCode;
    private readonly Dictionary<string, IReadOnlyList<string>> _expansions = new(StringComparer.Ordinal);

    public SpecialtyCatalog(IReadOnlyList<Specialty> specialties, string version)
    {
        Version = version;
        All = specialties;
        _byCode = new Dictionary<string, Specialty>(StringComparer.Ordinal);
        foreach (var s in specialties)
        {
            if (!_byCode.TryAdd(s.Code, s))
            {
                throw new InvalidOperationException($"Specialty {s.Code} is listed twice.");
            }
        }

        foreach (var s in specialties.Where(s => s.ParentCode is not null))
        {
            if (!_byCode.TryGetValue(s.ParentCode!, out var parent) || !s.Code.StartsWith(parent.Code, StringComparison.Ordinal)
                || parent.Sector != s.Sector)
            {
                throw new InvalidOperationException($"Specialty {s.Code} has no consistent parent {s.ParentCode}.");
            }
        }

        foreach (var s in specialties)
        {
            _expansions[s.Code] = [.. specialties.Where(c => c.Code.StartsWith(s.Code, StringComparison.Ordinal) && IsLeaf(c.Code)).Select(c => c.Code)];
        }
    }

    public string Version { get; }

    public IReadOnlyList<Specialty> All { get; }

    /// <summary>The codes an expert may hold: those without children.</summary>
    public IEnumerable<Specialty> Assignable => All.Where(s => IsLeaf(s.Code));

    public Specialty? Find(string? code) => code is not null && _byCode.TryGetValue(code.Trim().ToUpperInvariant(), out var s) ? s : null;

    public bool IsLeaf(string code) => !_byCode.Values.Any(c => c.ParentCode == code);

    /// <summary>The assignable codes under <paramref name="code"/> (itself when it is one); empty when unknown.</summary>
    public IReadOnlyList<string> Expand(string code) =>
        _expansions.TryGetValue(code.Trim().ToUpperInvariant(), out var codes) ? codes : [];

    /// <summary>名称 with its path: 工程 › 工程施工 › 房屋建筑工程施工.</summary>
    public string PathOf(string code)
    {
        var names = new List<string>();
        for (var s = Find(code); s is not null; s = s.ParentCode is null ? null : Find(s.ParentCode))
        {
            names.Insert(0, s.Name);
        }

        return names.Count == 0 ? code : string.Join(" › ", names);
    }

    public string NameOf(string code) => Find(code)?.Name ?? code;

    public static SpecialtyCatalog LoadShipped()
    {
        using var stream = typeof(SpecialtyCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded specialty table {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<ShippedFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The embedded specialty table is empty.");
        return new SpecialtyCatalog(
            [.. file.Specialties.Select(s => new Specialty { Code = s.Code, Name = s.Name, ParentCode = s.Parent, Sector = s.Sector, Confirmed = s.Confirmed })],
            file.Version);
    }

    public const string ResourceName = "Ggzy.Experts.Specialties.specialties.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record ShippedFile(string Version, IReadOnlyList<ShippedSpecialty> Specialties);

    private sealed record ShippedSpecialty(string Code, string Name, string? Parent, SpecialtySector Sector, bool Confirmed);
}
