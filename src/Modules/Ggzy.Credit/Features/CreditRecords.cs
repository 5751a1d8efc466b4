using Ggzy.Credit.Contracts;
using Ggzy.Credit.Features.CreditStanding;
using Ggzy.Credit.Features.EnterCreditRecord;
using Ggzy.Credit.Features.ImportCreditRecords;

namespace Ggzy.Credit.Features;

/// <summary>The contract's implementation: each call goes to its use case.</summary>
internal sealed class CreditRecords(EnterCreditRecordHandler enter, ImportCreditRecordsHandler import, CreditRecordQueries queries) : ICreditRecords
{
    public Task<CreditRecordInfo> EnterAsync(CreditRecordInput input, CancellationToken ct) => enter.HandleAsync(input, ct);

    public Task<CreditRecordImportResult> ImportAsync(byte[] file, CancellationToken ct) => import.HandleAsync(file, ct);

    public Task<IReadOnlyList<CreditRecordInfo>> ListAsync(CreditRecordFilter filter, CancellationToken ct) => queries.ListAsync(filter, ct);

    public Task<CreditRecordDetails?> DetailsAsync(Guid id, bool includeConfidential, CancellationToken ct) => queries.DetailsAsync(id, includeConfidential, ct);
}
