package cn.unionaid.registry.web;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.registry.SubjectType;

/** The URL segment of an archive kind: {@code model-workers} or {@code households}. */
final class ArchivePath {

    static final String PATTERN = "{archives:model-workers|households}";

    private ArchivePath() {
    }

    static SubjectType type(String segment) {
        return switch (segment) {
            case "model-workers" -> SubjectType.MODEL_WORKER;
            case "households" -> SubjectType.HOUSEHOLD;
            default -> throw BusinessRuleException.notFound("registry.error.notFound");
        };
    }
}
