package cn.unionaid.registry;

import java.util.List;

/**
 * A page of a registry list as the API answers it: the items, how many match (when {@code totalIsLowerBound}, at
 * least that many: counting stops there), the cursor of the next page.
 */
public record Listing<T>(List<T> items, long total, boolean totalIsLowerBound, String next) {
}
