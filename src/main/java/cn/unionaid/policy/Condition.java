package cn.unionaid.policy;

import java.util.Set;

import cn.unionaid.registry.Employment;
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.Honour;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One typed eligibility condition of a rule. All of a rule's conditions must hold. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Condition.InRegister.class, name = "IN_REGISTER"),
        @JsonSubTypes.Type(value = Condition.HonourIn.class, name = "HONOUR_IN"),
        @JsonSubTypes.Type(value = Condition.EmploymentIs.class, name = "EMPLOYMENT"),
        @JsonSubTypes.Type(value = Condition.IncomeBelowLine.class, name = "INCOME_BELOW_LINE"),
        @JsonSubTypes.Type(value = Condition.CategoryIn.class, name = "CATEGORY_IN"),
        @JsonSubTypes.Type(value = Condition.RegionUnder.class, name = "REGION_UNDER"),
        @JsonSubTypes.Type(value = Condition.HasClaim.class, name = "HAS_CLAIM"),
        @JsonSubTypes.Type(value = Condition.Cel.class, name = "CEL")})
public sealed interface Condition {

    /** Living, honour kept (for model workers) and on file on the program's reference date. */
    record InRegister() implements Condition {
    }

    record HonourIn(Set<Honour> honours) implements Condition {
    }

    record EmploymentIs(Employment employment) implements Condition {
    }

    /** Monthly income (per head for a household) below the line for the person's 在职/离退休 status. */
    record IncomeBelowLine(String inServiceLine, String retiredLine) implements Condition {
    }

    record CategoryIn(Set<HardshipCategory> categories) implements Condition {
    }

    /** The person's region is this region or lies within it. */
    record RegionUnder(String region) implements Condition {
    }

    /** A claim (documented costs or a requested amount) was recorded for the person on this program. */
    record HasClaim() implements Condition {
    }

    /**
     * A condition in CEL, for what the typed conditions cannot say, type-checked when saved and evaluated in
     * CEL's sandbox over the person's inputs (see {@link CelCondition#VARIABLES}).
     */
    record Cel(String expression, String description) implements Condition {
    }
}
