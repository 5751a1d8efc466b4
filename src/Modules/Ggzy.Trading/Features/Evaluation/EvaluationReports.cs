using System.Text.Encodings.Web;
using System.Text.Json;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Evaluation.Room;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Evaluation;

/// <summary>The signed reports of the evaluation room, read from the stored room (its signed document's SM3 and result).</summary>
internal sealed class EvaluationReports(TradingDbContext db) : IEvaluationReports
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<SignedEvaluationReport?> FindSignedAsync(Guid lotId, CancellationToken ct)
    {
        var room = await db.EvaluationRooms.AsNoTracking().SingleOrDefaultAsync(r => r.LotId == lotId && r.Stage == RoomStage.Closed, ct);
        if (room?.SignedDigest is null || room.ResultJson is null || room.ReportId is null || room.SignedAt is null)
        {
            return null;
        }

        var result = JsonSerializer.Deserialize<ReportResult>(room.ResultJson, Json)!;
        return new SignedEvaluationReport(lotId, room.ReportId.Value, room.SignedAt.Value, room.SignedDigest, result.AllRejected, result.RejectionReason,
            result.Candidates, result.Bids);
    }
}
