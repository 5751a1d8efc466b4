using Ggzy.Credit.Contracts;
using Ggzy.Credit.Demo;
using Ggzy.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit.Features.Certificates;

internal static class CertificateServices
{
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddScoped<TrustList>();
        services.AddScoped<BoundCertificates>();
        services.AddScoped<ICertificateSignIn, CertificateSignIn>();
        services.AddScoped<IDemoSeeder, CertificateDemoSeeder>();
        return services;
    }
}
