package cn.unionaid.org;

/** An organisation as lists and the API show it. */
public record OrganisationView(long id, String code, String name, OrgLevel level, Long parentId, String parentName,
        String regionCode, String regionName, String path) {
}
