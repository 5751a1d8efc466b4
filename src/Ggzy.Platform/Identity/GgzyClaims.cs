namespace Ggzy.Platform.Identity;

public static class GgzyClaims
{
    public const string OrganizationId = "ggzy:org";
    public const string DisplayName = "ggzy:name";
}
