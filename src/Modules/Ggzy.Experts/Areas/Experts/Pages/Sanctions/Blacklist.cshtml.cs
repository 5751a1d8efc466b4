using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;

namespace Ggzy.Experts.Areas.Experts.Pages.Sanctions;

/// <summary>列入黑名单: the Regulator or a supervisory department (Hubei (12)).</summary>
[RequirePermission(ExpertPermissions.Blacklist)]
public sealed class BlacklistModel(IServiceProvider services) : SanctionPageModel(services, ExpertStatus.Blacklisted);
