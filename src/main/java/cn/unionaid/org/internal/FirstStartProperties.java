package cn.unionaid.org.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the first start creates.
 *
 * @param bootstrapPassword password of the three administrators ({@code UNIONAID_BOOTSTRAP_PASSWORD}); generated
 *                          and printed once when empty; each must change it at first login
 * @param demo              also create the demo tree and users ({@code UNIONAID_DEMO=true})
 * @param demoPassword      the demo users' password ({@code UNIONAID_DEMO_PASSWORD})
 * @param rootOrgCode       code of the root of the union tree
 * @param rootOrgName       name of the root of the union tree
 */
@ConfigurationProperties("unionaid")
public record FirstStartProperties(
        String bootstrapPassword,
        @DefaultValue("false") boolean demo,
        @DefaultValue("Demo@2026") String demoPassword,
        @DefaultValue("ACFTU") String rootOrgCode,
        @DefaultValue("中华全国总工会") String rootOrgName) {
}
