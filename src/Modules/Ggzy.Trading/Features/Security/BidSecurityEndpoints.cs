using System.Globalization;
using System.Security.Claims;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Security;

internal static class BidSecurityEndpoints
{
    public static IEndpointRouteBuilder MapBidSecurity(this IEndpointRouteBuilder api)
    {
        var security = api.MapGroup("/trading/security").WithTags("投标保证金 Bid security");

        var terms = security.MapGroup("/lots/{lotId:guid}").RequireAuthorization(TradingPermissions.SecurityTerms);
        terms.MapGet("/terms", async (Guid lotId, ClaimsPrincipal user, BidSecurityService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ForTendererAsync(TradingUser.From(user), lotId, ct)))
            .WithSummary("招标人、招标代理机构查看标段的投标保证金要求；投标截止时间前不显示任何已提交的保证金和保函（招标投标法第二十二条），截止后显示全部。");
        terms.MapPut("/terms", async (Guid lotId, BidSecurityTermsInput input, ClaimsPrincipal user, BidSecurityService service, CancellationToken ct) =>
                TypedResults.Ok(await service.SetTermsAsync(TradingUser.From(user), lotId, input, ct)))
            .ProducesValidationProblem()
            .WithSummary("设定投标保证金要求（标段为草稿或已发布公告时）：金额（元，不超过估算价或预算的 2% 或本地更低上限）、形式（Deposit、Cheque、BankDraft、PromissoryNote、Guarantee、ElectronicGuarantee）、托管账户（开户行、户名、账号）、有效期（日，等于投标有效期）。");

        var bidder = security.MapGroup("/lots/{lotId:guid}").RequireAuthorization(TradingPermissions.SecurityGuarantee);
        bidder.MapGet("/mine", async (Guid lotId, ClaimsPrincipal user, BidSecurityService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ForBidderAsync(TradingUser.From(user), lotId, ct)))
            .WithSummary("投标人查看标段的投标保证金要求和本单位的保证金、电子保函（只含本单位）。");
        bidder.MapPost("/guarantees", async (Guid lotId, HttpRequest request, ClaimsPrincipal user, BidSecurityService service, CancellationToken ct) =>
            {
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var file = form?.Files.GetFile("file");
                byte[]? bytes = null;
                if (file is { Length: > 0 and <= BidSecurityService.MaxGuaranteeBytes })
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    bytes = buffer.ToArray();
                }
                else if (file is { Length: > BidSecurityService.MaxGuaranteeBytes })
                {
                    bytes = new byte[BidSecurityService.MaxGuaranteeBytes + 1];
                }

                var input = new BidGuaranteeInput
                {
                    Issuer = form?["issuer"].ToString(),
                    Number = form?["number"].ToString(),
                    Amount = decimal.TryParse(form?["amount"].ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
                    ValidFrom = DateOnly.TryParseExact(form?["validFrom"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
                    ValidUntil = DateOnly.TryParseExact(form?["validUntil"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : null,
                };
                var guarantee = await service.RegisterGuaranteeAsync(TradingUser.From(user), lotId, input, bytes, file?.FileName, ct);
                return TypedResults.Created($"/api/v1/trading/security/guarantees/{guarantee.Id}/file", guarantee);
            })
            .WithMetadata(new RequestSizeLimitAttribute(BidSecurityService.MaxGuaranteeBytes + (64 * 1024)))
            .ProducesValidationProblem()
            .WithSummary("登记电子保函（multipart/form-data：issuer 承保机构、number 保函编号、amount 金额、validFrom、validUntil、file 保函文件 PDF/OFD）。金额低于要求、有效期短于投标有效期、或单位被限制投标的，不予登记。");
        bidder.MapPost("/withdrawal", async (Guid lotId, ClaimsPrincipal user, BidSecurityService service, CancellationToken ct) =>
                TypedResults.Ok(await service.WithdrawAsync(TradingUser.From(user), lotId, ct)))
            .WithSummary("投标截止前书面通知撤回投标：本单位保证金的退还事项随即产生（实施条例第三十五条；87号令第三十八条）。");
        security.MapGet("/guarantees/{id:guid}/file", async (Guid id, ClaimsPrincipal user, BidSecurityService service, CancellationToken ct) =>
            {
                var (guarantee, content) = await service.GuaranteeFileAsync(TradingUser.From(user), id, custody: false, ct);
                return TypedResults.File(content, guarantee.ContentType, guarantee.FileName);
            })
            .RequireAuthorization(TradingPermissions.SecurityGuarantee)
            .WithSummary("投标人下载本单位登记的电子保函文件。");

        var custody = security.MapGroup("").RequireAuthorization(TradingPermissions.SecurityCustody);
        custody.MapGet("/lots/{lotId:guid}/securities", async (Guid lotId, BidSecurityService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ForCustodyAsync(lotId, ct)))
            .WithSummary("交易中心查看标段的全部投标保证金和电子保函（阅读记入账本）。");
        custody.MapGet("/custody/guarantees/{id:guid}/file", async (Guid id, ClaimsPrincipal user, BidSecurityService service, CancellationToken ct) =>
            {
                var (guarantee, content) = await service.GuaranteeFileAsync(TradingUser.From(user), id, custody: true, ct);
                return TypedResults.File(content, guarantee.ContentType, guarantee.FileName);
            })
            .WithSummary("交易中心下载电子保函文件（阅读记入账本）。");
        custody.MapPost("/receipts/import", async (HttpRequest request, ClaimsPrincipal user, BankReceipts receipts, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                return TypedResults.Ok(await receipts.ImportAsync(TradingUser.From(user), buffer.ToArray(), ct));
            })
            .Accepts<object>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(BankReceipts.MaxBytes + (64 * 1024)))
            .ProducesValidationProblem()
            .WithSummary("导入银行回单（请求体为 ggzy.bank-receipts.v1 JSON 文件，见 docs/bank-receipts-import.md）：全部或全无；已导入的回单编号跳过。");
        custody.MapGet("/receipts", async (ReceiptStatus? status, BankReceipts receipts, CancellationToken ct) =>
                TypedResults.Ok(await receipts.ListAsync(status, ct)))
            .WithSummary("银行回单及其匹配结果（status：Matched、Unmatched、MatchedByHand）。");
        custody.MapPost("/receipts/{id:guid}/match", async (Guid id, ReceiptMatchInput input, ClaimsPrincipal user, BankReceipts receipts, CancellationToken ct) =>
                TypedResults.Ok(await receipts.MatchByHandAsync(TradingUser.From(user), id, input, ct)))
            .ProducesValidationProblem()
            .WithSummary("人工匹配未匹配的回单：标段统一交易标识码、缴款单位统一社会信用代码和理由（记入账本）。");
        custody.MapGet("/refunds", async (bool? all, DepositRefunds refunds, CancellationToken ct) =>
                TypedResults.Ok(await refunds.ListAsync(all != true, ct)))
            .WithSummary("投标保证金退还事项及其法定最迟日期、状态（未到期、即将到期、已逾期）；all=true 含已退还的。");
        custody.MapPost("/refunds/scan", async (ClaimsPrincipal user, DepositRefunds refunds, CancellationToken ct) =>
                TypedResults.Ok(new { added = await refunds.RaiseForEndedLotsAsync(TradingUser.From(user), ct) }))
            .WithSummary("为已终止或招标失败的标段的保证金生成退还事项。");
        custody.MapPost("/refunds/{id:guid}", async (Guid id, RefundInput input, ClaimsPrincipal user, DepositRefunds refunds, CancellationToken ct) =>
                TypedResults.Ok(await refunds.RecordAsync(TradingUser.From(user), id, input, ct)))
            .ProducesValidationProblem()
            .WithSummary("登记已退还：退还日期和银行流水号（记入账本）。");
        return api;
    }
}
