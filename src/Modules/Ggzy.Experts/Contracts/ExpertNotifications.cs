namespace Ggzy.Experts.Contracts;

/// <summary>How a notification reaches the expert: a text message, or a voice call that reads it out.</summary>
public enum NotificationChannel
{
    Sms = 1,
    Voice = 2,
}

/// <summary>
/// A message to a drawn expert: the invitation with its one-time answer code, the confirmation with the sign-in code,
/// or a cancellation. <see cref="Mobile"/> is the number in clear, for the gateway only: never log or store it.
/// </summary>
public sealed record ExpertNotification(
    Guid ExpertId, string ExpertCode, string Mobile, NotificationChannel Channel, string Purpose, string Text, Guid DrawId, Guid SeatId);

/// <summary>
/// Sends notifications to experts: an SMS or voice gateway in production; the simulated gateway (which records the
/// messages in the database for the demonstration and the tests) otherwise. Throws when the message was not accepted;
/// the draw then tries again on its next pass.
/// </summary>
public interface IExpertNotificationGateway
{
    /// <summary>A short name for the record: <c>simulated</c>, the provider's name.</summary>
    string Name { get; }

    Task SendAsync(ExpertNotification notification, CancellationToken ct);
}
