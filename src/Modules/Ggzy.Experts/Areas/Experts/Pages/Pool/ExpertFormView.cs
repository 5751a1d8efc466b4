using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Specialties;

namespace Ggzy.Experts.Areas.Experts.Pages.Pool;

/// <summary>What the expert form partial shows: the input, the specialty table, and whether it corrects an expert.</summary>
internal sealed record ExpertFormView(ExpertInput Input, SpecialtyCatalog Catalog, bool Editing, string? MaskedIdNumber = null);
