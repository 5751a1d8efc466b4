using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Drawing;
using Ggzy.Experts.Features.Draws;
using Ggzy.Sealing;

namespace Ggzy.Experts.Tests.Draws;

public sealed class PseudonymSm3Tests
{
    // The pseudonym as docs/expert-draw.md defines it: the first 16 bytes of the general SM3 over key ‖ id (16 bytes, big-endian).
    private static string General(byte[] key, Guid id)
    {
        var bytes = new byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Sm3.HashHex([.. key, .. bytes])[..32];
    }

    [Fact]
    public void OneBlock_GivesTheGeneralSm3sBytes_ForManyKeysAndIds()
    {
        var random = new Random(7);
        for (var k = 0; k < 20; k++)
        {
            var key = new byte[32];
            random.NextBytes(key);
            var pseudonyms = new DrawSecrets.Pseudonyms(key);
            for (var i = 0; i < 200; i++)
            {
                var id = new byte[16];
                random.NextBytes(id);
                var guid = new Guid(id);
                pseudonyms.Of(guid).ShouldBe(General(key, guid));
            }
        }
    }

    [Fact]
    public void ManyAtOnce_GiveTheGeneralSm3sBytes_InTheirPlaces_ForEveryLengthAroundTheLanes()
    {
        var random = new Random(5);
        var key = new byte[32];
        random.NextBytes(key);
        var sm3 = new PseudonymSm3(key);
        for (var length = 0; length <= 41; length++)
        {
            var ids = Enumerable.Range(0, length).Select(_ =>
            {
                var bytes = new byte[16];
                random.NextBytes(bytes);
                return new Guid(bytes);
            }).ToArray();
            var into = new UInt128[length + 1];

            sm3.First16(ids, into);

            for (var i = 0; i < length; i++)
            {
                CandidateSnapshot.Hex(into[i]).ShouldBe(General(key, ids[i]));
            }

            into[length].ShouldBe(UInt128.Zero);
        }
    }

    [Fact]
    public void ARoundsPseudonyms_AreEachEntrysOwnInItsPlace()
    {
        var random = new Random(11);
        var key = new byte[32];
        random.NextBytes(key);
        var pseudonyms = new DrawSecrets.Pseudonyms(key);
        var eligible = Enumerable.Range(0, 12_001).Select(_ => new RecusalCandidate(Guid.NewGuid(), "990100", ["A0801"],
            CandidateStanding.Active, new DateOnly(2000, 1, 1), true, [], [], [], [], 0)).ToList();
        // Every third eligible expert left out, as one holding none of the demands would be: entries and sources differ.
        var sources = Enumerable.Range(0, eligible.Count).Where(i => i % 3 != 1).ToArray();
        var entries = sources.Select(i => new SnapshotEntry(default, 1 + (i % 2), i)).ToArray();

        DrawRounds.Pseudonymise(pseudonyms, eligible, entries, entries.Length);

        for (var k = 0; k < entries.Length; k++)
        {
            var source = entries[k].Source;
            source.ShouldBe(sources[k]);
            entries[k].Demands.ShouldBe(1 + (source % 2));
            entries[k].Pseudonym.ShouldBe(pseudonyms.Bits(eligible[source].ExpertId));
        }
    }

    [Fact]
    public void OneBlock_MatchesAFixedValue()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var id = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

        DrawSecrets.Pseudonym(key, id).ShouldBe(General(key, id));
        CandidateSnapshot.Hex(new PseudonymSm3(key).First16(id.ToByteArray(bigEndian: true))).ShouldBe(General(key, id));
    }

    [Fact]
    public void KeyOfAnotherLength_GoesThroughTheGeneralSm3()
    {
        var key = Enumerable.Range(0, 20).Select(i => (byte)(i * 7)).ToArray();
        var id = Guid.CreateVersion7();

        DrawSecrets.Pseudonym(key, id).ShouldBe(General(key, id));
        Should.Throw<ArgumentException>(() => new PseudonymSm3(key));
    }
}
