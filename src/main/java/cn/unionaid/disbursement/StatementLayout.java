package cn.unionaid.disbursement;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank statement's columns: for each field, the header names banks use for it (the first one found in the
 * file wins). A bank with other headers is added in configuration ({@code unionaid.statement.reference=...}), not in code.
 */
@ConfigurationProperties("unionaid.statement")
public record StatementLayout(
        @DefaultValue({"业务参考号", "参考号", "交易参考号", "客户参考号"}) List<String> reference,
        @DefaultValue({"账号", "收款账号", "卡号", "收款人账号"}) List<String> card,
        @DefaultValue({"户名", "收款人", "姓名", "收款人户名"}) List<String> name,
        @DefaultValue({"金额", "交易金额", "付款金额"}) List<String> amount,
        @DefaultValue({"交易结果", "状态", "处理结果", "交易状态"}) List<String> result,
        @DefaultValue({"交易日期", "日期", "记账日期", "入账日期"}) List<String> date,
        @DefaultValue({"成功", "已支付", "交易成功", "SUCCESS"}) List<String> paid,
        @DefaultValue({"失败", "交易失败", "FAILED"}) List<String> failed,
        @DefaultValue({"退回", "退票", "已退回", "RETURNED"}) List<String> returned,
        @DefaultValue({"失败原因", "退回原因", "备注", "附言", "处理说明"}) List<String> note) {

    /** The position of the first of {@code names} in the header, or -1. */
    public static int find(cn.unionaid.platform.sheets.SheetHeader header, List<String> names) {
        return names.stream().mapToInt(header::index).filter(i -> i >= 0).findFirst().orElse(-1);
    }
}
