namespace Ggzy.Platform.Ledger;

/// <summary>
/// What a use case says about its change; the Ledger adds who, when, from where and the hash chain.
/// </summary>
/// <param name="Type">Dotted entry type, module first: <c>platform.calendar.year-saved</c>.</param>
/// <param name="Subject">What the change is about: <c>calendar:2027</c>, <c>lot:…</c>.</param>
/// <param name="Payload">Any object serialisable to JSON; never a secret in clear.</param>
public sealed record LedgerDraft(string Type, string Subject, object? Payload = null);
