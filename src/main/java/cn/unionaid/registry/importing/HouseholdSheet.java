package cn.unionaid.registry.importing;

import java.util.List;

/** The columns of the hardship-household roster (困难职工家庭花名册): one row per member. */
public final class HouseholdSheet {

    public static final String HOUSEHOLD_NO = "户编号";
    public static final String RELATION = "与户主关系";
    public static final String NAME = "姓名";
    public static final String ID_NUMBER = "身份证号";
    public static final String INCOME = "月收入(元)";
    public static final String HEALTH = "健康状况";
    public static final String CATEGORY = "困难类别";
    public static final String MAIN_CAUSE = "主要致困原因";
    public static final String HOUSING = "住房情况";
    public static final String BANK = "开户银行";
    public static final String CARD = "银行卡号";
    public static final String ORG = "所属工会";
    public static final String REGION = "行政区划代码";
    public static final String OPENED_ON = "建档日期";

    public static final List<String> COLUMNS = List.of(HOUSEHOLD_NO, RELATION, NAME, ID_NUMBER, INCOME, HEALTH, CATEGORY,
            MAIN_CAUSE, HOUSING, BANK, CARD, ORG, REGION, OPENED_ON);
    public static final List<String> REQUIRED = List.of(HOUSEHOLD_NO, RELATION, NAME, ID_NUMBER, INCOME, CATEGORY, ORG,
            REGION, OPENED_ON);
    /** Columns only the head's row carries. */
    public static final List<String> HEAD_ONLY = List.of(CATEGORY, MAIN_CAUSE, HOUSING, BANK, CARD, ORG, REGION, OPENED_ON);

    private HouseholdSheet() {
    }
}
