package cn.unionaid.registry;

/**
 * Filters of the registry lists, each optional: free text ({@code q}: name, household number), an exact ID
 * number (found through its blind index), a region (with everything below it: by name, or by its code, which a province
 * or city may shorten to 43 or 4309), an honour or category, a status.
 */
public record RegistryFilter(String q, String idNumber, String region, String honour, String category, String status) {

    public static RegistryFilter none() {
        return new RegistryFilter(null, null, null, null, null, null);
    }
}
