using Ggzy.Credit.Contracts;
using Ggzy.Credit.Features.EnterCreditRecord;
using Ggzy.Credit.Features.ImportCreditRecords;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Credit.Features;

internal static class CreditRecordEndpoints
{
    public static IEndpointRouteBuilder MapCreditRecords(this IEndpointRouteBuilder api)
    {
        var records = api.MapGroup("/credit/records").WithTags("信用记录 Credit records");

        records.MapPost("/", async Task<Created<CreditRecordInfo>> (CreditRecordInput? input, EnterCreditRecordHandler enter, CancellationToken ct) =>
            {
                var record = await enter.HandleAsync(input ?? new CreditRecordInput(), ct);
                return TypedResults.Created($"/api/v1/credit/records?entity={record.SubjectCode}", record);
            })
            .RequireAuthorization(CreditPermissions.ManageRecords)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("行政监督部门录入一条信用记录（奖励、处罚、违法违规、失信惩戒、解除、履约）；更正或撤销以新记录提交（action、refersTo、reason）。决定日期不得晚于今天；系统按工作日历计算 7 个工作日的公开期限并标记逾期录入。");

        records.MapPost("/import", async (HttpRequest request, ImportCreditRecordsHandler import, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                return TypedResults.Ok(await import.HandleAsync(buffer.ToArray(), ct));
            })
            .RequireAuthorization(CreditPermissions.ManageRecords)
            .Accepts<CreditRecordImportDocument>("application/json")
            .ProducesValidationProblem()
            .WithSummary("批量导入信用记录（格式 ggzy.credit-records.v1，见 docs/credit-records-import.md）：全部通过才保存；逐条报告错误（序号和行号）；重复导入同一文件不会重复记录。");

        records.MapGet("/", async (string? entity, ICreditStanding standing, CancellationToken ct) =>
            {
                if (!CreditCode.TryParse(entity, out var code, out var error))
                {
                    throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
                    {
                        ["entity"] = [string.IsNullOrWhiteSpace(entity) ? "请以 entity 参数指明市场主体的统一社会信用代码。" : error],
                    });
                }

                return TypedResults.Ok(await standing.RecordsOfEntityAsync(code.Value, includeConfidential: false, ct));
            })
            .AllowAnonymous()
            .WithSummary("某市场主体公开的信用记录（含已更正、已撤销的历史版本及其状态；依法不予公开的记录不列出）。");

        api.MapGet("/credit/entities/{code}/standing", async (string code, IMarketEntities registry, ICreditStanding standing, TimeProvider clock, CancellationToken ct) =>
            {
                var entity = await registry.FindByCreditCodeAsync(code, ct)
                    ?? throw new NotFoundException($"没有以统一社会信用代码 {code} 注册的市场主体。");
                var now = clock.GetUtcNow();
                return TypedResults.Ok(new CreditStandingView(entity.CreditCode, now,
                    await standing.IsDebarredAsync(entity.CreditCode, now, ct), await standing.GradeOfAsync(entity.CreditCode, now, ct)));
            })
            .AllowAnonymous()
            .WithTags("信用记录 Credit records")
            .WithSummary("市场主体当前的信用状况：是否处于失信惩戒（限制交易）期及其依据记录，信用等级及其得分构成。");
        return api;
    }
}
