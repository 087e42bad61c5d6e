package cn.unionaid.registry;

import java.util.List;

/** A page of a registry list as the API answers it: the items, the total that match, the cursor of the next page. */
public record Listing<T>(List<T> items, long total, String next) {
}
