using Ggzy.Credit.Contracts;
using Ggzy.Credit.Demo;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Navigation;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit.Features.Certificates;

internal static class CertificateServices
{
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddScoped<ITrustList, TrustList>();
        services.AddScoped<IEntityCertificates, BoundCertificates>();
        services.AddScoped<ICertificateSignIn, CertificateSignIn>();
        services.AddScoped<IDemoSeeder, CertificateDemoSeeder>();
        return services.AddNavigation(
            new NavigationItem("数字证书", "/Credit/Certificates", CreditPermissions.ManageOwnEntity, 105),
            new NavigationItem("证书信任列表", "/Credit/TrustList", CreditPermissions.ManageTrustList, 110));
    }
}
