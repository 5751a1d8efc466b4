using System.Security.Claims;
using System.Text.Json;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Areas.Trading.Pages.Projects;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Features.Projects;

internal static class ProjectEndpoints
{
    /// <summary>The multipart form fields that carry files, and the kind each one is.</summary>
    public static readonly IReadOnlyList<(string Field, ProjectFileKind Kind)> FileFields =
    [
        ("approvalFile", ProjectFileKind.Approval),
        ("entrustmentFile", ProjectFileKind.Entrustment),
        ("fundingFile", ProjectFileKind.Funding),
        ("otherFiles", ProjectFileKind.Other),
    ];

    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder api)
    {
        var projects = api.MapGroup("/trading/projects").WithTags("项目登记 Projects");

        projects.MapGet("/", async (string? status, ClaimsPrincipal user, ProjectRegistrationService service, CancellationToken ct) =>
            {
                ProjectStatus? filter = null;
                if (!string.IsNullOrEmpty(status))
                {
                    filter = Enum.TryParse<ProjectStatus>(status, out var s) && Enum.IsDefined(s) && !char.IsAsciiDigit(status[0])
                        ? s
                        : throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
                        {
                            ["status"] = ["状态须为 Submitted、AwaitingRegulator、Accepted、Refused 或 Exempted。"],
                        });
                }

                return TypedResults.Ok(await service.ListAsync(TradingUser.From(user), filter, ct));
            })
            .RequireAuthorization(TradingPermissions.ReadProjects)
            .ProducesValidationProblem()
            .WithSummary("项目登记列表：招标人、代理机构看本单位的项目；交易中心看本中心（含下属分中心）受理的项目；公管办、行政监督部门看全部。附各状态的数量。");

        projects.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, ProjectRegistrationService service,
                IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var (input, files) = await ReadRegistrationAsync(request, json.Value.SerializerOptions, ct);
                var project = await service.RegisterAsync(TradingUser.From(user), user.IsInRole(Roles.Agency), input, files, ct);
                return TypedResults.Created($"/api/v1/trading/projects/{project.Id}", project);
            })
            .RequireAuthorization(TradingPermissions.RegisterProject)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RegisterModel.RequestLimit))
            .ProducesValidationProblem()
            .WithSummary("登记项目（multipart/form-data）：字段 registration 为登记内容（JSON：名称、交易制度 Tender/Procurement、行业领域、项目类型、行政区划代码、"
                + "代理机构登记时的招标人统一社会信用代码、是否依法需要审批核准及文号和部门、资金来源和金额、是否市属国有平台公司、标段（名称、估算价（元）、"
                + "OpenTender/InvitedTender、是否资格预审））；文件字段 approvalFile（审批核准文件）、entrustmentFile（委托合同，代理机构登记时必交）、"
                + "fundingFile、otherFiles，仅 PDF、OFD、JPG、PNG，单个不超过 20 MB，请求总大小不超过 100 MB。按各标段估算价之和查交易目录，确定受理中心（R1–R4）。");

        projects.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ProjectRegistrationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(TradingUser.From(user), id, ct)))
            .RequireAuthorization(TradingPermissions.ReadProjects)
            .WithSummary("一个项目的登记信息、目录判断及依据、受理中心、标段及交易标识码、文件和决定记录；只有本项目的招标人、代理机构、交易中心、公管办和行政监督部门可以查看。");

        projects.MapGet("/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, ClaimsPrincipal user, ProjectRegistrationService service, CancellationToken ct) =>
            {
                var file = await service.OpenFileAsync(TradingUser.From(user), id, fileId, ct);
                return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(TradingPermissions.ReadProjects)
            .WithSummary("下载登记文件；每次下载记入账本。");

        projects.MapPost("/{id:guid}/decision", async (Guid id, ProjectDecisionInput input, ClaimsPrincipal user, ProjectRegistrationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.DecideAsync(TradingUser.From(user), id, input, ct)))
            .RequireAuthorization(TradingPermissions.DecideProject)
            .ProducesValidationProblem()
            .WithSummary("交易中心受理（accept: true）或不予受理（accept: false，reason 为 NotApproved、OwnershipDisputed、LegallyRestricted、Prohibited 之一，note 写明事实）；"
                + "市属国有平台公司的项目受理后待公管办确认（吉林市办法第十六、十八条，细则第十、十一条）。");

        projects.MapPost("/{id:guid}/confirmation", async (Guid id, ProjectDecisionInput input, ClaimsPrincipal user, ProjectRegistrationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ConfirmAsync(TradingUser.From(user), id, input, ct)))
            .RequireAuthorization(TradingPermissions.ConfirmProject)
            .ProducesValidationProblem()
            .WithSummary("公管办确认（accept: true）或不予确认（accept: false，写明法定理由和事实）市属国有平台公司的项目（吉林市办法第十六条第三款，细则第十条第二款）。");

        projects.MapPost("/{id:guid}/exemption", async (Guid id, ProjectExemptionInput input, ClaimsPrincipal user, ProjectRegistrationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ExemptAsync(TradingUser.From(user), id, input, null, ct)))
            .RequireAuthorization(TradingPermissions.DecideProject)
            .ProducesValidationProblem()
            .WithSummary("登记豁免：reason 为 StateSecurity、StateSecret、Emergency、DisasterRelief 之一，basis 写明批准文件名称及文号（吉林市办法第十五条，R5）。");
        return api;
    }

    private static async Task<(RegisterProjectInput Input, List<ProjectUpload> Files)> ReadRegistrationAsync(
        HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw Invalid("登记须以 multipart/form-data 提交：字段 registration 为登记内容（JSON），文件另附。");
        }

        var form = await request.ReadFormAsync(ct);
        RegisterProjectInput? input;
        try
        {
            input = JsonSerializer.Deserialize<RegisterProjectInput>(form["registration"].ToString(), options);
        }
        catch (JsonException e)
        {
            throw Invalid($"登记内容（registration）不是有效的 JSON：{e.Message}");
        }

        var files = new List<ProjectUpload>();
        foreach (var (field, kind) in FileFields)
        {
            files.AddRange(form.Files.GetFiles(field).Select(f => new ProjectUpload(kind, f.FileName, f.ContentType, f.Length, f.OpenReadStream)));
        }

        return (input ?? throw Invalid("请提交登记内容（registration）。"), files);
    }

    private static InputValidationException Invalid(string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["registration"] = [message] });
}
