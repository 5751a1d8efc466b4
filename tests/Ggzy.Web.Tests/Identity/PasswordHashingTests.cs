using System.Buffers.Binary;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Identity;

/// <summary>The host as it runs in production, with the platform's own password work factor.</summary>
public sealed class ProductionHashingApp : GgzyApp
{
    protected override bool LowersPasswordWorkFactor => false;
}

/// <summary>
/// Test hosts hash passwords with a low work factor (<see cref="TestPasswordHashing"/>); the platform itself must keep
/// its own: PBKDF2 with at least 100 000 iterations.
/// </summary>
public sealed class PasswordHashingTests
{
    private const int PlatformIterations = 100_000;

    [Fact]
    public async Task ThePlatform_HashesPasswords_WithItsOwnWorkFactor()
    {
        await using var app = new ProductionHashingApp();
        await app.InitializeAsync();

        IterationsOf(app.Services).ShouldBeGreaterThanOrEqualTo(PlatformIterations);
    }

    [Fact]
    public async Task TestHosts_HashPasswords_WithTheTestWorkFactor()
    {
        await using var app = new GgzyApp();
        await app.InitializeAsync();

        IterationsOf(app.Services).ShouldBe(TestPasswordHashing.IterationCount);
        TestPasswordHashing.IterationCount.ShouldBeLessThan(PlatformIterations);
    }

    /// <summary>The iteration count a new hash records (format v3: marker, PRF, iterations as big-endian uint32, …).</summary>
    private static int IterationsOf(IServiceProvider services)
    {
        var hasher = services.GetRequiredService<IPasswordHasher<PlatformUser>>();
        var hash = Convert.FromBase64String(hasher.HashPassword(new PlatformUser { UserName = "probe", DisplayName = "探针" }, "Probe#2026x"));
        hash[0].ShouldBe((byte)0x01);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4));
    }
}
