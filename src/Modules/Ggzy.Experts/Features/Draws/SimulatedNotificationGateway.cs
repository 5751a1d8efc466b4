using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// The gateway of development, the demonstration and the tests: instead of sending an SMS it records the message (the
/// number masked) in <c>experts_simulated_messages</c>, which center administrators read on the messages page. It
/// saves in a scope of its own, so that it never saves the caller's unit of work.
/// </summary>
internal sealed class SimulatedNotificationGateway(IServiceScopeFactory scopes, TimeProvider clock) : IExpertNotificationGateway
{
    public string Name => "simulated";

    public async Task SendAsync(ExpertNotification notification, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExpertsDbContext>();
        db.SimulatedMessages.Add(new SimulatedMessage
        {
            SentAt = clock.GetUtcNow(),
            ExpertId = notification.ExpertId,
            ExpertCode = notification.ExpertCode,
            Recipient = Mask(notification.Mobile),
            Channel = notification.Channel.ToString(),
            Purpose = notification.Purpose,
            Text = notification.Text,
            DrawId = notification.DrawId,
            SeatId = notification.SeatId,
        });
        await db.SaveChangesAsync(ct);
    }

    public static string Mask(string mobile) => mobile.Length >= 7 ? mobile[..3] + new string('*', mobile.Length - 7) + mobile[^4..] : "****";
}
