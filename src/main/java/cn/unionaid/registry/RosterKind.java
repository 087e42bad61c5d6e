package cn.unionaid.registry;

/** The two rosters (花名册) a union keeps. */
public enum RosterKind {
    MODEL_WORKERS,
    HOUSEHOLDS
}
