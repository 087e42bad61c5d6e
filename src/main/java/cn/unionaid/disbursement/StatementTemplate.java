package cn.unionaid.disbursement;

import java.util.List;

import cn.unionaid.platform.sheets.Workbooks;

/**
 * The bank statement template (银行对账单模板) the batch page offers, in the format docs/statement-formats.md describes:
 * the column headers the import recognises and example lines of each result.
 */
public final class StatementTemplate {

    public static final List<String> COLUMNS = List.of("业务参考号", "账号", "户名", "金额", "交易结果", "交易日期", "失败原因");

    private StatementTemplate() {
    }

    public static byte[] xlsx() {
        return Workbooks.template("银行对账单", COLUMNS, List.of(
                List.of("B12-00001", "6228480000000000011", "王建国", "1000.00", "成功", "2024-01-20", ""),
                List.of("B12-00002", "6222020000000000022", "李秀英", "1000.00", "失败", "2024-01-20", "账户已销户"),
                List.of("B12-00003", "6217000000000000033", "张志强", "1000.00", "退回", "2024-01-25", "户名不符"),
                List.of("", "6228480000000000044", "刘桂兰", "800.00", "成功", "2024-01-20", "示例：无业务参考号时按卡号、金额、户名匹配")));
    }
}
