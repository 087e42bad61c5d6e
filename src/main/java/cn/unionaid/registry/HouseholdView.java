package cn.unionaid.registry;

import java.util.List;

/** A household as lists and the API show it, with its members when asked for one household. */
public record HouseholdView(long id, long orgId, String orgName, String householdNo, HardshipCategory category,
        String mainCause, String housing, String headName, String headIdNumberMasked, int memberCount,
        String incomePerHeadYuan, String regionCode, String regionName, String bankName, String bankCardMasked,
        String status, List<Member> members) {

    public record Member(long id, Relation relation, String name, String idNumberMasked, String sex,
            String birthDate, String monthlyIncomeYuan, String health) {
    }

    public String statusLabel() {
        return switch (status) {
            case "IN_FILE" -> "在档";
            case "LIFTED" -> "已脱困";
            default -> "注销";
        };
    }
}
