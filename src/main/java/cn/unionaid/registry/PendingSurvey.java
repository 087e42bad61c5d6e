package cn.unionaid.registry;

/** Someone not yet surveyed this year. */
public record PendingSurvey(SubjectType type, long id, String name, String orgName, String regionName) {
}
