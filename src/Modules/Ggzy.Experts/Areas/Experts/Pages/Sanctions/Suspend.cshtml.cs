using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;

namespace Ggzy.Experts.Areas.Experts.Pages.Sanctions;

/// <summary>暂停抽取: the center's pool administrator or the Regulator (Hubei (6)).</summary>
[RequirePermission(ExpertPermissions.Suspend)]
public sealed class SuspendModel(IServiceProvider services) : SanctionPageModel(services, ExpertStatus.Suspended);
