package cn.unionaid.registry;

import java.time.LocalDate;

/** A model worker as lists and the API show them: personal data masked. */
public record ModelWorkerView(long id, long orgId, String orgName, String name, String idNumberMasked, String sex,
        LocalDate birthDate, Honour honour, Integer honourYear, Employment employment, String employer,
        String regionCode, String regionName, String monthlyIncomeYuan, String incomeMonth, String phoneMasked,
        String bankName, String bankCardMasked, boolean living, boolean honourKept, boolean archiveOpen,
        String remark) {

    /** 状态 in one word, the way the roster shows it. */
    public String statusLabel() {
        if (!archiveOpen) {
            return "已注销";
        }
        if (!living) {
            return "已故";
        }
        return honourKept ? "在册" : "荣誉已撤销";
    }
}
