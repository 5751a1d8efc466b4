using System.Globalization;
using System.Text;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Platform.Identity;
using Ggzy.Sealing;

namespace Ggzy.Bench;

/// <summary>
/// A pool of fictional experts for the expert-draw benchmark, the same for a seed: 1–3 specialties each among the
/// table's assignable codes, 1–3 jobs at a few thousand employers (some are the lot's tenderer, agency and bidders), and
/// the rest of what recusal looks at — declared relatives (5%), leave on the evaluation day (3%), suspensions (1%),
/// blacklisting and retirement (0.5% each), junior titles (10%), and 100 experts with three recent evaluations for the
/// same tenderer. Identities are not encrypted: the draw never reads them.
/// </summary>
internal static class ExpertDrawPool
{
    public const int Employers = 4_000;

    public static string EmployerCode(int i)
    {
        var body = "MB" + i.ToString("D6", CultureInfo.InvariantCulture);
        var first17 = "91990100" + body + CreditCode.OrganizationCheckCharacter(body);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    public static async Task SeedAsync(Func<ExpertsDbContext> contexts, SpecialtyCatalog catalog, int size, DateOnly day, string tenderer, int seed,
        Action<string> log)
    {
        var random = new Random(seed);
        var codes = catalog.Assignable.Select(s => s.Code).ToList();
        var now = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-30);
        const int batch = 5_000;
        var ids = new Guid[size];
        for (var start = 0; start < size; start += batch)
        {
            await using var db = contexts();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(size, start + batch); n++)
            {
                var id = Guid.CreateVersion7(now.AddTicks(n));
                ids[n] = id;
                var expert = new Expert
                {
                    Id = id,
                    Number = n + 1,
                    IdentityCipher = "bench",
                    IdentityKey = Convert.ToHexStringLower(Sm3.Hash(Encoding.ASCII.GetBytes("bench-" + n.ToString(CultureInfo.InvariantCulture)))),
                    TitleName = "高级工程师",
                    TitleLevel = random.Next(10) == 0 ? TitleLevel.Intermediate : TitleLevel.DeputySenior,
                    PractisingSince = day.AddYears(-(5 + random.Next(30))),
                    RegionCode = "99010" + random.Next(1, 5).ToString(CultureInfo.InvariantCulture),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                foreach (var code in codes.OrderBy(_ => random.Next()).Take(1 + random.Next(3)))
                {
                    expert.Specialties.Add(new ExpertSpecialty { ExpertId = id, SpecialtyCode = code });
                }

                var since = expert.PractisingSince;
                var jobs = 1 + random.Next(3);
                for (var j = 0; j < jobs; j++)
                {
                    var from = since.AddYears(j * 4);
                    DateOnly? until = j == jobs - 1 ? null : from.AddYears(4).AddDays(-1);
                    expert.Employments.Add(new ExpertEmployment
                    {
                        Id = Guid.CreateVersion7(now),
                        ExpertId = id,
                        EmployerCreditCode = EmployerCode(random.Next(Employers)),
                        EmployerName = "单位",
                        From = from,
                        Until = until,
                    });
                }

                var roll = random.Next(1000);
                if (roll < 50)
                {
                    expert.Relatives.Add(new ExpertRelative
                    {
                        Id = Guid.CreateVersion7(now),
                        ExpertId = id,
                        Relationship = RelativeRelationship.Spouse,
                        EmployerCreditCode = EmployerCode(random.Next(Employers)),
                        EmployerName = "单位",
                        DeclaredAt = now,
                    });
                }
                else if (roll < 80)
                {
                    expert.Leaves.Add(new ExpertLeave
                    {
                        Id = Guid.CreateVersion7(now),
                        ExpertId = id,
                        From = day.AddDays(-random.Next(5)),
                        Until = day.AddDays(random.Next(5)),
                        Reason = "出差",
                        RecordedBy = "bench",
                        RecordedAt = now,
                    });
                }
                else if (roll < 100)
                {
                    var status = roll < 90 ? ExpertStatus.Suspended : roll < 95 ? ExpertStatus.Blacklisted : ExpertStatus.Retired;
                    expert.StatusChanges.Add(new ExpertStatusChange
                    {
                        Id = Guid.CreateVersion7(now),
                        ExpertId = id,
                        Status = status,
                        From = day.AddDays(-100),
                        Until = status == ExpertStatus.Suspended ? day.AddDays(100) : null,
                        Reason = "基准测试",
                        Basis = "基准测试",
                        DecidedBy = "bench",
                        DecidedByRole = "CenterAdministrator",
                        RecordedAt = now,
                    });
                }

                db.Experts.Add(expert);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            log($"  pool: {Math.Min(size, start + batch):N0} experts");
        }

        // 100 experts evaluated three times for the tenderer in the last months: the frequency rule excludes them.
        await using (var db = contexts())
        {
            for (var i = 0; i < 300; i++)
            {
                var drawId = Guid.CreateVersion7(now.AddTicks(i));
                db.Draws.Add(new ExpertDraw
                {
                    Id = drawId,
                    LotId = Guid.NewGuid(),
                    LotCode = "BENCH-PAST",
                    LotName = "往期",
                    ProjectName = "往期",
                    RegionCode = "990100",
                    TendererCode = tenderer,
                    TendererName = "招标人",
                    RequestedBy = "bench",
                    EvaluationStartsAt = now.AddDays(-(i % 90)),
                    PseudonymKey = "-",
                    State = DrawState.Closed,
                    Members = 5,
                    Representatives = 1,
                    Seats = [new DrawSeat { Id = Guid.CreateVersion7(now), DrawId = drawId, Round = 1, Position = 1, Specialty = "A0801", ExpertId = ids[i % 100 * 997 % size], Pseudonym = new string('0', 32), State = SeatState.SignedIn }],
                });
            }

            await db.SaveChangesAsync();
        }
    }
}
