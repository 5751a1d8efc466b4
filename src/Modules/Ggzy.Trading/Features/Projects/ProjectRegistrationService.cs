using System.Text.Json;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Features.Projects;

/// <summary>
/// Registration and acceptance of projects (受理登记, R4; exemptions, R5; ADR 0013). A tenderer's or agency's staff
/// registers a project with its lots and scanned files; the catalog classifies it on the total of its lots and names
/// the center; staff of that center (or of its parent city center) accept it, refuse it with a statutory reason, or
/// record an exemption; a municipal platform company's project waits for the Regulator's confirmation. Every step is
/// saved with its Ledger entry; refused input changes nothing.
/// </summary>
internal sealed class ProjectRegistrationService(
    TradingDbContext db, PlatformDbContext platform, ITradingCatalog catalog, TradeCodeAllocator codes, IMarketEntities entities,
    IBlobStore blobs, LedgerWriter ledger, TimeProvider clock, IOptions<ProjectFileOptions> fileOptions)
{
    public const int MaxLots = 99;

    public async Task<ProjectView> RegisterAsync(
        TradingUser user, bool asAgency, RegisterProjectInput input, IReadOnlyList<ProjectUpload> files, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var name = Text(input.Name, 200, "name", ProjectErrors.NameRequired, errors);
        var regime = Parse<Regime>(input.Regime);
        if (regime is null)
        {
            Add(errors, "regime", ProjectErrors.RegimeInvalid);
        }

        // 工程建设: the industry names the supervisory department (房屋建筑和市政工程 when not given); other sectors have theirs.
        var construction = input.Sector?.Trim() == CatalogNames.Construction;
        var industry = string.IsNullOrWhiteSpace(input.Industry) ? SupervisoryDepartments.HousingIndustry : input.Industry.Trim();
        var department = construction ? SupervisoryDepartments.OfIndustry(industry) : SupervisoryDepartments.Of(input.Sector?.Trim() ?? "");
        if (construction && department is null)
        {
            Add(errors, "industry", ProjectErrors.IndustryInvalid);
        }

        var funding = Text(input.FundingSource, 200, "fundingSource", ProjectErrors.FundingSourceRequired, errors);
        if (input.FundingAmount is not { } fundingAmount || !IsAmount(fundingAmount, allowZero: true))
        {
            Add(errors, "fundingAmount", ProjectErrors.FundingAmountInvalid);
        }

        string? approvalNumber = null, approvalAuthority = null;
        if (input.NeedsApproval)
        {
            approvalNumber = Text(input.ApprovalNumber, 100, "approvalNumber", ProjectErrors.ApprovalNumberRequired, errors);
            approvalAuthority = Text(input.ApprovalAuthority, 200, "approvalAuthority", ProjectErrors.ApprovalAuthorityRequired, errors);
            if (!files.Any(f => f.Kind == ProjectFileKind.Approval))
            {
                Add(errors, "approvalFile", ProjectErrors.ApprovalFileRequired);
            }
        }

        if (asAgency && !files.Any(f => f.Kind == ProjectFileKind.Entrustment))
        {
            Add(errors, "entrustmentFile", ProjectErrors.EntrustmentFileRequired);
        }

        var lots = new List<(string Name, decimal Amount, ProcurementMethod Method, bool Prequalification)>();
        if (input.Lots is not { Count: > 0 and <= MaxLots })
        {
            Add(errors, "lots", ProjectErrors.LotsRequired);
        }
        else
        {
            for (var i = 0; i < input.Lots.Count; i++)
            {
                var lot = input.Lots[i];
                var lotName = lot.Name?.Trim();
                if (string.IsNullOrEmpty(lotName) || lotName.Length > 200)
                {
                    Add(errors, $"lots[{i}].name", ProjectErrors.LotField(i, ProjectErrors.LotNameRequired));
                }

                if (lot.EstimatedAmount is not { } amount || amount <= 0 || !IsAmount(amount, allowZero: false))
                {
                    Add(errors, $"lots[{i}].estimatedAmount", ProjectErrors.LotField(i, ProjectErrors.LotAmountInvalid));
                }

                var method = Parse<ProcurementMethod>(lot.Method);
                if (method is null)
                {
                    Add(errors, $"lots[{i}].method", ProjectErrors.LotField(i, ProjectErrors.LotMethodInvalid));
                }

                lots.Add((lotName ?? "", lot.EstimatedAmount ?? 0, method ?? ProcurementMethod.OpenTender, lot.Prequalification));
            }
        }

        var accepted = new List<(ProjectUpload File, string ContentType)>();
        var max = fileOptions.Value.MaxFileBytes;
        foreach (var file in files)
        {
            var field = FileField(file.Kind);
            if (file.Length == 0)
            {
                Add(errors, field, ProjectErrors.FileEmpty);
            }
            else if (file.Length > max)
            {
                Add(errors, field, ProjectErrors.FileTooLarge(max));
            }
            else if (await ScanFormats.RecognizeAsync(file, ct) is { } contentType)
            {
                accepted.Add((file, contentType));
            }
            else
            {
                Add(errors, field, ProjectErrors.FileType);
            }
        }

        var (tenderer, agency) = await PartiesAsync(user, asAgency, input.TendererCode, errors, ct);

        // The catalog checks sector, type and region; it is asked with the total of the lots (ADR 0013).
        var total = lots.Sum(l => l.Amount);
        CatalogClassification? classification = null;
        try
        {
            classification = await catalog.ClassifyAsync(input.Sector, input.ProjectType, total, input.RegionCode, clock.GetUtcNow(), ct);
        }
        catch (InputValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                if (field != "estimatedAmount")
                {
                    errors.TryAdd(field, [.. messages]);
                }
            }
        }

        if (errors.Count > 0 || classification is null || tenderer is null || regime is null)
        {
            throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var now = clock.GetUtcNow();
        var stored = new List<ProjectFile>();
        foreach (var (file, contentType) in accepted)
        {
            await using var content = file.Open();
            var id = await blobs.PutAsync(content, ct);
            stored.Add(new ProjectFile
            {
                Id = Guid.CreateVersion7(now),
                Kind = file.Kind,
                FileName = ScanFormats.SafeName(file.FileName),
                ContentType = contentType,
                Size = file.Length,
                Digest = id.Value,
                UploadedAt = now,
                UploadedBy = user.UserName,
            });
        }

        for (var attempt = 0; ; attempt++)
        {
            var code = await codes.NextAsync(input.Sector!.Trim(), input.RegionCode!.Trim(), now.ToOffset(ChinaTime.Offset).Year, ct);
            var project = new Project
            {
                Id = Guid.CreateVersion7(now),
                TradeCode = code,
                Name = name!,
                Regime = regime.Value,
                Sector = input.Sector.Trim(),
                ProjectType = input.ProjectType!.Trim(),
                SupervisoryDepartment = department,
                RegionCode = input.RegionCode.Trim(),
                TendererId = tenderer.Id,
                TendererCode = tenderer.Code,
                TendererName = tenderer.Name,
                AgencyId = agency?.Id,
                AgencyCode = agency?.Code,
                AgencyName = agency?.Name,
                RegisteredBy = user.UserName,
                RegisteredAt = now,
                ApprovalNumber = approvalNumber,
                ApprovalAuthority = approvalAuthority,
                FundingSource = funding!,
                FundingAmount = input.FundingAmount,
                MunicipalPlatformCompany = input.MunicipalPlatformCompany,
                Verdict = classification.Verdict,
                CatalogVersion = classification.CatalogVersion,
                CatalogCitation = classification.Citation,
                CenterId = classification.Center?.OrganizationId,
                CenterName = classification.Center?.Name,
                Status = ProjectStatus.Submitted,
            };
            for (var i = 0; i < lots.Count; i++)
            {
                project.Lots.Add(new Lot
                {
                    Id = Guid.CreateVersion7(now),
                    ProjectId = project.Id,
                    Number = i + 1,
                    TradeCode = TradeCodes.ForLot(code, i + 1),
                    Name = lots[i].Name,
                    EstimatedAmount = lots[i].Amount,
                    Method = lots[i].Method,
                    Prequalification = lots[i].Prequalification,
                });
            }

            foreach (var file in stored)
            {
                project.Files.Add(new ProjectFile
                {
                    Id = Guid.CreateVersion7(now),
                    ProjectId = project.Id,
                    Kind = file.Kind,
                    FileName = file.FileName,
                    ContentType = file.ContentType,
                    Size = file.Size,
                    Digest = file.Digest,
                    UploadedAt = now,
                    UploadedBy = user.UserName,
                });
            }

            db.Projects.Add(project);
            try
            {
                await ledger.SaveChangesAsync(db, new LedgerDraft(ProjectLedger.Registered, ProjectLedger.Subject(code), new
                {
                    summary = $"{user.UserName} 登记项目“{project.Name}”，{lots.Count} 个标段（包），合计估算价 {CatalogService.Yuan(total)}；"
                        + $"{Verdict(classification.Verdict)}，由{project.CenterName ?? "交易中心"}受理（依据：{classification.Citation}）。",
                    tradeCode = code,
                    name = project.Name,
                    regime = project.Regime.ToString(),
                    sector = project.Sector,
                    projectType = project.ProjectType,
                    industry = SupervisoryDepartments.IndustryOf(project.SupervisoryDepartment),
                    supervisoryDepartment = project.SupervisoryDepartment,
                    region = project.RegionCode,
                    tenderer = project.TendererCode,
                    agency = project.AgencyCode,
                    approvalNumber,
                    municipalPlatformCompany = project.MunicipalPlatformCompany,
                    classifiedAmount = total,
                    verdict = classification.Verdict.ToString(),
                    catalogVersion = classification.CatalogVersion,
                    citation = classification.Citation,
                    center = project.CenterName,
                    lots = project.Lots.Select(l => new { l.TradeCode, l.Name, l.EstimatedAmount, method = l.Method.ToString(), l.Prequalification }),
                    files = project.Files.Select(f => new { kind = f.Kind.ToString(), f.FileName, f.Size, sm3 = f.Digest }),
                }), ct);
                return await ViewAsync(project.Id, ct);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another registration took the same trade code: allocate the next one and try once more.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The center's decision on a submitted registration.</summary>
    public async Task<ProjectView> DecideAsync(TradingUser user, Guid id, ProjectDecisionInput input, CancellationToken ct)
    {
        var (reason, note) = CheckDecision(input);
        var project = await FindAsync(id, ct);
        await EnsureCenterAsync(user, project, ct);
        if (project.Status != ProjectStatus.Submitted)
        {
            throw new BusinessRuleException(ProjectErrors.NotSubmitted, ProjectErrors.Rules15, "status");
        }

        var now = clock.GetUtcNow();
        project.DecidedAt = now;
        project.DecidedBy = user.UserName;
        project.DecisionNote = note;
        string type, summary;
        if (!input.Accept)
        {
            project.Status = ProjectStatus.Refused;
            project.RefusalReason = reason;
            type = ProjectLedger.Refused;
            summary = $"{user.UserName} 不予受理：{ProjectNames.Refusal(reason!.Value)}。{note}（依据：{ProjectErrors.Measures18}；{ProjectErrors.Rules11}）";
        }
        else if (project.MunicipalPlatformCompany)
        {
            project.Status = ProjectStatus.AwaitingRegulator;
            type = ProjectLedger.Referred;
            summary = $"{user.UserName} 受理并报公管办确认：招标人为市属国有平台公司。{note}（依据：{ProjectErrors.Measures16}第三款；{ProjectErrors.Rules10}第二款）";
        }
        else
        {
            project.Status = ProjectStatus.Accepted;
            type = ProjectLedger.Accepted;
            summary = $"{user.UserName} 受理。{note}（依据：{ProjectErrors.Rules15}）";
        }

        await SaveDecisionAsync(new LedgerDraft(type, ProjectLedger.Subject(project.TradeCode), new
        {
            summary,
            tradeCode = project.TradeCode,
            status = project.Status.ToString(),
            reason = reason?.ToString(),
            note,
        }), ct);
        return await ViewAsync(id, ct);
    }

    /// <summary>The Regulator's confirmation (or refusal) of a municipal platform company's project.</summary>
    public async Task<ProjectView> ConfirmAsync(TradingUser user, Guid id, ProjectDecisionInput input, CancellationToken ct)
    {
        var (reason, note) = CheckDecision(input);
        var project = await FindAsync(id, ct);
        if (!user.IsRegulator)
        {
            throw new ForbiddenException(ProjectErrors.NotAwaitingRegulator);
        }

        if (project.Status != ProjectStatus.AwaitingRegulator)
        {
            throw new BusinessRuleException(ProjectErrors.NotAwaitingRegulator, ProjectErrors.Measures16, "status");
        }

        var now = clock.GetUtcNow();
        string type, summary;
        if (input.Accept)
        {
            project.Status = ProjectStatus.Accepted;
            project.RegulatorConfirmedAt = now;
            project.RegulatorConfirmedBy = user.UserName;
            type = ProjectLedger.Confirmed;
            summary = $"{user.UserName}（公管办）确认进场交易。{note}（依据：{ProjectErrors.Measures16}第三款；{ProjectErrors.Rules10}第二款）";
        }
        else
        {
            project.Status = ProjectStatus.Refused;
            project.RefusalReason = reason;
            project.DecidedAt = now;
            project.DecidedBy = user.UserName;
            project.DecisionNote = note;
            type = ProjectLedger.RegulatorRefused;
            summary = $"{user.UserName}（公管办）不予确认：{ProjectNames.Refusal(reason!.Value)}。{note}（依据：{ProjectErrors.Measures18}；{ProjectErrors.Rules11}）";
        }

        await SaveDecisionAsync(new LedgerDraft(type, ProjectLedger.Subject(project.TradeCode), new
        {
            summary,
            tradeCode = project.TradeCode,
            status = project.Status.ToString(),
            reason = reason?.ToString(),
            note,
        }), ct);
        return await ViewAsync(id, ct);
    }

    /// <summary>The center records that a submitted project is exempted from trading on the platform (R5).</summary>
    public async Task<ProjectView> ExemptAsync(TradingUser user, Guid id, ProjectExemptionInput input, ProjectUpload? basisFile, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reason = Parse<ExemptionReason>(input.Reason);
        if (reason is null)
        {
            Add(errors, "reason", ProjectErrors.ExemptionReasonRequired);
        }

        var basis = Text(input.Basis, 500, "basis", ProjectErrors.ExemptionBasisRequired, errors);
        string? contentType = null;
        if (basisFile is not null)
        {
            var max = fileOptions.Value.MaxFileBytes;
            contentType = basisFile.Length == 0 || basisFile.Length > max ? null : await ScanFormats.RecognizeAsync(basisFile, ct);
            if (contentType is null)
            {
                Add(errors, "basisFile", basisFile.Length == 0 ? ProjectErrors.FileEmpty
                    : basisFile.Length > max ? ProjectErrors.FileTooLarge(max) : ProjectErrors.FileType);
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var project = await FindAsync(id, ct);
        await EnsureCenterAsync(user, project, ct);
        if (project.Status != ProjectStatus.Submitted)
        {
            throw new BusinessRuleException(ProjectErrors.NotSubmitted, ProjectErrors.Measures15, "status");
        }

        var now = clock.GetUtcNow();
        ProjectFile? file = null;
        if (basisFile is not null)
        {
            await using var content = basisFile.Open();
            var blob = await blobs.PutAsync(content, ct);
            file = new ProjectFile
            {
                Id = Guid.CreateVersion7(now),
                ProjectId = project.Id,
                Kind = ProjectFileKind.Other,
                FileName = ScanFormats.SafeName(basisFile.FileName),
                ContentType = contentType!,
                Size = basisFile.Length,
                Digest = blob.Value,
                UploadedAt = now,
                UploadedBy = user.UserName,
            };
            db.ProjectFiles.Add(file);
        }

        project.Status = ProjectStatus.Exempted;
        project.Exemption = reason;
        project.ExemptionBasis = basis;
        project.DecidedAt = now;
        project.DecidedBy = user.UserName;
        await SaveDecisionAsync(new LedgerDraft(ProjectLedger.Exempted, ProjectLedger.Subject(project.TradeCode), new
        {
            summary = $"{user.UserName} 登记豁免：{ProjectNames.Exemption(reason!.Value)}；依据文件：{basis}（依据：{ProjectErrors.Measures15}）",
            tradeCode = project.TradeCode,
            reason = reason.ToString(),
            basis,
            file = file is null ? null : new { file.FileName, file.Size, sm3 = file.Digest },
        }), ct);
        return await ViewAsync(id, ct);
    }

    /// <summary>The projects the user sees: their own (tenderer, agency), the center's queue, or all (Regulator, supervisors).</summary>
    public async Task<ProjectList> ListAsync(TradingUser user, ProjectStatus? status, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking();
        if (user.IsCenter)
        {
            var scope = await CenterScopeAsync(user, ct);
            query = query.Where(p => p.CenterId == null || scope.Contains(p.CenterId.Value));
        }
        else if (!user.IsRegulator && !user.IsSupervisor)
        {
            var org = user.OrganizationId ?? Guid.Empty;
            query = query.Where(p => p.TendererId == org || p.AgencyId == org);
        }

        var counts = (await query.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => c.Key, c => c.Count);
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var projects = await query.Select(p => new
        {
            p.Id,
            p.TradeCode,
            p.Name,
            p.Regime,
            p.Sector,
            p.ProjectType,
            p.TendererName,
            p.AgencyName,
            p.Status,
            p.Verdict,
            p.CenterName,
            p.MunicipalPlatformCompany,
            p.RegisteredAt,
            Amounts = p.Lots.Select(l => l.EstimatedAmount).ToList(),
        }).ToListAsync(ct);
        return new ProjectList(
            [.. projects.OrderByDescending(p => p.RegisteredAt).Select(p => new ProjectSummary(p.Id, p.TradeCode, p.Name, p.Regime, p.Sector,
                p.ProjectType, p.TendererName, p.AgencyName, p.Status, p.Verdict, p.CenterName, p.MunicipalPlatformCompany, p.RegisteredAt,
                p.Amounts.Sum(), p.Amounts.Count))],
            counts);
    }

    /// <summary>A registration for one who may read it (<see cref="TradingUser.MayRead"/>); others get ForbiddenException.</summary>
    public async Task<ProjectView> GetAsync(TradingUser user, Guid id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException(ProjectErrors.NotFound);
        if (!user.MayRead(project))
        {
            throw new ForbiddenException(ProjectErrors.NotYours);
        }

        return await ViewAsync(id, ct);
    }

    /// <summary>Whether the user is staff of the center that takes the project (or of its parent city center).</summary>
    public async Task<bool> MayDecideAsync(TradingUser user, ProjectView project, CancellationToken ct) =>
        user.IsCenter && await CoversAsync(user, project.CenterId, ct);

    /// <summary>A file of a registration; the download is on the Ledger.</summary>
    public async Task<ProjectFileContent> OpenFileAsync(TradingUser user, Guid projectId, Guid fileId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Files).SingleOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new NotFoundException(ProjectErrors.NotFound);
        if (!user.MayRead(project))
        {
            throw new ForbiddenException(ProjectErrors.NotYours);
        }

        var file = project.Files.SingleOrDefault(f => f.Id == fileId) ?? throw new NotFoundException(ProjectErrors.FileNotFound);
        var content = await blobs.OpenReadAsync(new BlobId(file.Digest), ct) ?? throw new NotFoundException(ProjectErrors.FileNotFound);
        await ledger.SaveChangesAsync(db, new LedgerDraft(ProjectLedger.FileRead, ProjectLedger.Subject(project.TradeCode), new
        {
            summary = $"{user.UserName} 下载{ProjectNames.FileKind(file.Kind)}“{file.FileName}”。",
            tradeCode = project.TradeCode,
            file = file.FileName,
            sm3 = file.Digest,
        }), ct);
        return new ProjectFileContent(file.FileName, file.ContentType, content);
    }

    private async Task<ProjectView> ViewAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().Include(x => x.Lots).Include(x => x.Files).SingleAsync(x => x.Id == id, ct);
        var subject = ProjectLedger.Subject(p.TradeCode);
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Subject == subject && e.Type != ProjectLedger.FileRead)
            .OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.RecordedAt, e.Actor, e.Type, e.Payload }).ToListAsync(ct);
        return new ProjectView(p.Id, p.TradeCode, p.Name, p.Regime, p.Sector, p.ProjectType, p.RegionCode, p.TendererCode, p.TendererName,
            p.AgencyCode, p.AgencyName, p.RegisteredBy, p.RegisteredAt, p.ApprovalNumber, p.ApprovalAuthority, p.FundingSource,
            p.FundingAmount, p.MunicipalPlatformCompany, p.Verdict, p.CatalogVersion, p.CatalogCitation, p.CenterId, p.CenterName,
            p.Status, p.RefusalReason, p.DecisionNote, p.DecidedAt, p.DecidedBy, p.RegulatorConfirmedAt, p.RegulatorConfirmedBy,
            p.Exemption, p.ExemptionBasis, SupervisoryDepartments.IndustryOf(p.SupervisoryDepartment), p.SupervisoryDepartment,
            SupervisoryDepartments.Label(p.SupervisoryDepartment), SupervisoryDepartments.Citation(p.SupervisoryDepartment),
            [.. p.Lots.OrderBy(l => l.Number).Select(l => new LotView(l.Id, l.Number, l.TradeCode, l.Name, l.EstimatedAmount, l.Method,
                l.Prequalification, l.State))],
            [.. p.Files.OrderBy(f => f.Kind).ThenBy(f => f.UploadedAt).Select(f => new ProjectFileView(f.Id, f.Kind, f.FileName,
                f.ContentType, f.Size, f.Digest, f.UploadedAt, f.UploadedBy))],
            [.. entries.Select(e => new ProjectHistoryItem(e.Sequence, e.RecordedAt, e.Actor, e.Type, Summary(e.Type, e.Payload)))]);
    }

    private static string Summary(string type, string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.String)
            {
                return summary.GetString()!;
            }
        }
        catch (JsonException)
        {
            // An entry without a readable payload shows its type only.
        }

        return ProjectNames.Step(type);
    }

    private async Task<Project> FindAsync(Guid id, CancellationToken ct) =>
        await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(ProjectErrors.NotFound);

    private async Task EnsureCenterAsync(TradingUser user, Project project, CancellationToken ct)
    {
        if (!user.IsCenter || !await CoversAsync(user, project.CenterId, ct))
        {
            throw new ForbiddenException(ProjectErrors.NotYourCenter);
        }
    }

    /// <summary>The user's center and the branch centers under it.</summary>
    private async Task<List<Guid>> CenterScopeAsync(TradingUser user, CancellationToken ct)
    {
        if (user.OrganizationId is not { } org)
        {
            return [];
        }

        return await platform.Organizations.AsNoTracking()
            .Where(o => (o.Id == org || o.ParentId == org) && (o.Kind == OrganizationKind.TradingCenter || o.Kind == OrganizationKind.BranchCenter))
            .Select(o => o.Id).ToListAsync(ct);
    }

    private async Task<bool> CoversAsync(TradingUser user, Guid? centerId, CancellationToken ct)
    {
        var scope = await CenterScopeAsync(user, ct);
        if (centerId is { } center)
        {
            return scope.Contains(center);
        }

        // No center was named by the catalog: the city center decides.
        return user.OrganizationId is { } org && await platform.Organizations.AnyAsync(o => o.Id == org && o.Kind == OrganizationKind.TradingCenter, ct);
    }

    private async Task<(Party? Tenderer, Party? Agency)> PartiesAsync(
        TradingUser user, bool asAgency, string? tendererCode, Dictionary<string, List<string>> errors, CancellationToken ct)
    {
        var own = user.OrganizationId is { } orgId
            ? await platform.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId && o.Kind == OrganizationKind.MarketEntity, ct)
            : null;
        if (own?.CreditCode is null)
        {
            Add(errors, "tendererCode", ProjectErrors.NoOrganization);
            return (null, null);
        }

        var ownParty = new Party(own.Id, own.CreditCode, own.Name);
        if (!asAgency)
        {
            return (ownParty, null);
        }

        if (string.IsNullOrWhiteSpace(tendererCode))
        {
            Add(errors, "tendererCode", ProjectErrors.TendererCodeRequired);
            return (null, ownParty);
        }

        if (!CreditCode.TryParse(tendererCode, out var code, out var error))
        {
            Add(errors, "tendererCode", $"{error}（{ProjectErrors.TendererCodeRequired}）");
            return (null, ownParty);
        }

        if (await entities.FindByCreditCodeAsync(code.Value, ct) is not { } entity)
        {
            Add(errors, "tendererCode", ProjectErrors.TendererNotRegistered);
            return (null, ownParty);
        }

        return (new Party(entity.OrganizationId, entity.CreditCode, entity.LegalName), ownParty);
    }

    private static (RegistrationRefusal? Reason, string? Note) CheckDecision(ProjectDecisionInput input)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var note = input.Note?.Trim();
        note = string.IsNullOrEmpty(note) ? null : note;
        RegistrationRefusal? reason = null;
        if (!input.Accept)
        {
            reason = Parse<RegistrationRefusal>(input.Reason);
            if (reason is null)
            {
                Add(errors, "reason", ProjectErrors.RefusalReasonRequired);
            }

            if (note is null)
            {
                Add(errors, "note", ProjectErrors.RefusalFactsRequired);
            }
        }

        if (note?.Length > 1000)
        {
            Add(errors, "note", ProjectErrors.NoteTooLong);
        }

        return errors.Count > 0
            ? throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal))
            : (reason, note);
    }

    private static string Verdict(CatalogVerdict verdict) => verdict switch
    {
        CatalogVerdict.MustEnter => "属于必须进场交易的项目",
        CatalogVerdict.MayEnterVoluntarily => "低于目录限额，自愿进场",
        _ => "不在交易目录之内，自愿进场",
    };

    private static string FileField(ProjectFileKind kind) => kind switch
    {
        ProjectFileKind.Approval => "approvalFile",
        ProjectFileKind.Entrustment => "entrustmentFile",
        ProjectFileKind.Funding => "fundingFile",
        _ => "otherFiles",
    };

    private static T? Parse<T>(string? value)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0]) && !value.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse<T>(value.Trim(), ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;

    private static bool IsAmount(decimal amount, bool allowZero) =>
        (allowZero ? amount >= 0 : amount > 0) && amount <= CatalogService.MaxAmount && decimal.Round(amount, 2) == amount;

    private static string? Text(string? value, int max, string field, string message, Dictionary<string, List<string>> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > max)
        {
            Add(errors, field, message);
            return null;
        }

        return text;
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    private sealed record Party(Guid Id, string Code, string Name);

    // A decision changes the project's status, which is its concurrency token: of two decisions taken on the same
    // registration at once, the second finds the status changed and is refused instead of overwriting the first.
    private async Task SaveDecisionAsync(LedgerDraft draft, CancellationToken ct)
    {
        try
        {
            await ledger.SaveChangesAsync(db, draft, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("该项目登记刚由他人处理，本次操作未保存；请刷新页面查看最新状态。");
        }
    }
}
