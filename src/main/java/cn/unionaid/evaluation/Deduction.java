package cn.unionaid.evaluation;

import java.math.BigDecimal;

/** Points taken off an indicator, with the reason as the report states it (资金到位率44.11%，扣4分). */
public record Deduction(String indicatorCode, BigDecimal points, String reason) {
}
