using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.TestKit;

/// <summary>
/// A low work factor for the password hashes of test hosts. Every sign-in verifies a hash and every new account makes
/// one; at the platform's work factor (PBKDF2 with 100 000 iterations, the framework's default) that is about a tenth
/// of a second of CPU each, several minutes over a test run. The platform itself keeps its work factor:
/// Ggzy.Web.Tests' PasswordHashingTests checks it on a host that does not lower it.
/// </summary>
public static class TestPasswordHashing
{
    public const int IterationCount = 1_000;

    public static IServiceCollection AddTestPasswordHashing(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = IterationCount);
}
