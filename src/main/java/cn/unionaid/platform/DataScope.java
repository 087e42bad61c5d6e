package cn.unionaid.platform;

import java.io.Serializable;

/**
 * The part of the union tree a user may see: their organisation and everything below it. {@code orgPath} is
 * the organisation's materialised path ({@code /1/2/5/}); a row is in scope when its organisation's path starts
 * with it. Queries take the scope as a parameter so that the database, not the page, enforces it.
 */
public record DataScope(long orgId, String orgPath) implements Serializable {

    /** SQL condition over an organisation table alias, with one bind parameter for {@link #orgPath()}. */
    public static String sqlCondition(String organisationAlias) {
        return "starts_with(" + organisationAlias + ".path, ?)";
    }

    public boolean covers(String otherOrgPath) {
        return otherOrgPath != null && otherOrgPath.startsWith(orgPath);
    }
}
