package cn.unionaid.org;

/** Identifies an organisation; other aggregates refer to it by this, never by object reference. */
public record OrgId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
