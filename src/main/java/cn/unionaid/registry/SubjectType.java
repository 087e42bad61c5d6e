package cn.unionaid.registry;

/** What an event, a piece of evidence or a survey is about. */
public enum SubjectType {
    MODEL_WORKER,
    HOUSEHOLD
}
