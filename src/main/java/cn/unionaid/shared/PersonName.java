package cn.unionaid.shared;

/** Masking of personal names for lists and public notices (张*明, 李*). */
public final class PersonName {

    private PersonName() {
    }

    public static String masked(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return name.strip();
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
