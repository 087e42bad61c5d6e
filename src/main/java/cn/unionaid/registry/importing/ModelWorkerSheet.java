package cn.unionaid.registry.importing;

import java.util.List;

/** The columns of the model-worker roster (劳模花名册), as the template, the import and the export use them. */
public final class ModelWorkerSheet {

    public static final String NAME = "姓名";
    public static final String ID_NUMBER = "身份证号";
    public static final String HONOUR = "荣誉称号";
    public static final String HONOUR_YEAR = "获得年份";
    public static final String EMPLOYMENT = "在职状态";
    public static final String EMPLOYER = "工作单位";
    public static final String ORG = "所属工会";
    public static final String REGION = "行政区划代码";
    public static final String INCOME = "月收入(元)";
    public static final String INCOME_MONTH = "收入核定年月";
    public static final String PHONE = "联系电话";
    public static final String BANK = "开户银行";
    public static final String CARD = "银行卡号";
    public static final String LIVING = "是否健在";
    public static final String HONOUR_STATE = "荣誉状态";
    public static final String OPENED_ON = "建档日期";
    public static final String REMARK = "备注";

    public static final List<String> COLUMNS = List.of(NAME, ID_NUMBER, HONOUR, HONOUR_YEAR, EMPLOYMENT, EMPLOYER, ORG,
            REGION, INCOME, INCOME_MONTH, PHONE, BANK, CARD, LIVING, HONOUR_STATE, OPENED_ON, REMARK);
    public static final List<String> REQUIRED = List.of(NAME, ID_NUMBER, HONOUR, EMPLOYMENT, ORG, REGION, LIVING,
            HONOUR_STATE, OPENED_ON);

    private ModelWorkerSheet() {
    }
}
