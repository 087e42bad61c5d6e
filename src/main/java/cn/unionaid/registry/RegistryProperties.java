package cn.unionaid.registry;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registry settings.
 *
 * @param filesDir             where evidence and uploaded rosters are kept
 * @param maxEvidenceBytes     the largest evidence file accepted
 * @param surveyDeadlineMonth  the month of the yearly living-status survey deadline (003: 31 October)
 * @param surveyDeadlineDay    its day
 * @param recheckSharePercent  the default share of open archives drawn for the yearly re-check
 * @param largeLoadRows        the fewest new archives for which a roster import builds the register's search indexes
 *                             once instead of maintaining them row by row (also only when it adds at least as many as
 *                             the register holds; see RegisterIndexes)
 */
@ConfigurationProperties("unionaid.registry")
public record RegistryProperties(
        @DefaultValue("./data/files") Path filesDir,
        @DefaultValue("10485760") long maxEvidenceBytes,
        @DefaultValue("10") int surveyDeadlineMonth,
        @DefaultValue("31") int surveyDeadlineDay,
        @DefaultValue("20") int recheckSharePercent,
        @DefaultValue("50000") long largeLoadRows) {
}
