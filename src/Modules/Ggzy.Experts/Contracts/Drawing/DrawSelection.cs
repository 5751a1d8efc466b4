using System.Text;
using Ggzy.Sealing;

namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>
/// The canonical text of a round's selection (docs/expert-draw.md §5) — a header line, then one line
/// <c>seat &lt;position&gt; &lt;specialty&gt; &lt;pseudonym&gt;</c> per seat in drawing order, each ending in LF — and its SM3 digest,
/// which is recorded on the Ledger when the round is drawn, before anyone learns who was drawn.
/// </summary>
public static class DrawSelection
{
    public const string Header = "ggzy.expert-draw.selection.v1";

    public static string Text(IEnumerable<DrawnSeat> seats)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var seat in seats)
        {
            text.Append("seat ").Append(DrawText.Number(seat.Position)).Append(' ').Append(seat.Specialty).Append(' ')
                .Append(seat.Pseudonym).Append('\n');
        }

        return text.ToString();
    }

    public static string DigestHex(IEnumerable<DrawnSeat> seats) => Sm3.HashHex(Encoding.UTF8.GetBytes(Text(seats)));

    /// <summary>SM3 of the seed: what the Ledger records before the round is drawn.</summary>
    public static string SeedCommitment(ReadOnlySpan<byte> seed) => Sm3.HashHex(seed);
}
