namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>How many experts of one specialty a round draws (专业代码, 人数).</summary>
public sealed record DrawDemand(string Specialty, int Count);

/// <summary>An eligible candidate of a round: an opaque pseudonym and the demanded specialties it holds.</summary>
public sealed record DrawCandidate(string Pseudonym, IReadOnlyList<string> Specialties);

/// <summary>One drawn seat: the specialty it was drawn for, its place in the round's order and the candidate's pseudonym.</summary>
public sealed record DrawnSeat(string Specialty, int Position, string Pseudonym);
