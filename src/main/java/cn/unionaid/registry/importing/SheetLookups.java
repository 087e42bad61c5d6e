package cn.unionaid.registry.importing;

import java.util.Map;
import java.util.Set;

import cn.unionaid.org.OrganisationView;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.shared.RegionCode;

/** What a sheet's codes are checked against, loaded once per import: unions in the importer's scope, regions. */
public record SheetLookups(Map<String, OrganisationView> orgsInScope, Set<String> regionCodes) {

    public OrganisationView org(String code) {
        OrganisationView org = orgsInScope.get(code.strip());
        if (org == null) {
            throw BusinessRuleException.invalid("import.error.orgOutOfScope", code.strip());
        }
        return org;
    }

    public RegionCode region(String code) {
        RegionCode region = RegionCode.of(code);
        if (!regionCodes.contains(region.value())) {
            throw BusinessRuleException.invalid("region.error.unknown", region.value());
        }
        return region;
    }
}
