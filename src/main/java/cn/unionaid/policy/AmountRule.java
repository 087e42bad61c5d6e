package cn.unionaid.policy;

import java.util.Map;

import cn.unionaid.registry.HardshipCategory;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How much an eligible person gets, before caps and limits. Names are parameter keys. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AmountRule.Fixed.class, name = "FIXED"),
        @JsonSubTypes.Type(value = AmountRule.TopUp.class, name = "TOP_UP"),
        @JsonSubTypes.Type(value = AmountRule.ShareOfCost.class, name = "SHARE_OF_COST"),
        @JsonSubTypes.Type(value = AmountRule.ByCategory.class, name = "BY_CATEGORY"),
        @JsonSubTypes.Type(value = AmountRule.Manual.class, name = "MANUAL")})
public sealed interface AmountRule {

    /** The same amount per head. */
    record Fixed(String amount) implements AmountRule {
    }

    /** (line − monthly income) × months, the line chosen by 在职/离退休. */
    record TopUp(String inServiceLine, String retiredLine, String months) implements AmountRule {
    }

    /** A share of the documented cost, capped. */
    record ShareOfCost(String sharePercent, String cap) implements AmountRule {
    }

    /**
     * By hardship category: an amount, or with {@code multipleOfSubsistence} a multiple of the region's monthly
     * 低保 standard.
     */
    record ByCategory(Map<HardshipCategory, String> amounts, boolean multipleOfSubsistence) implements AmountRule {
    }

    /** The amount asked for on the claim, within a cap. */
    record Manual(String cap) implements AmountRule {
    }
}
