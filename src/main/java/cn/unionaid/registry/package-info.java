/**
 * The registry (先建档、后帮扶): model-worker archives and hardship households with their members, imported
 * from the rosters unions keep, with lifecycle events, evidence, living-status surveys and re-check samples.
 * <p>
 * Its tables live in the database schema {@code registry}; other modules read them only through its published views
 * (its SQL interface, docs/architecture.md): {@code registry.v_model_worker}, {@code registry.v_household}, {@code registry.v_household_member}, {@code registry.v_registry_event},
 * and the people on file counted by day as archives open, close and move ({@link cn.unionaid.registry.OnFileCounts}):
 * {@code registry.v_on_file_day}.
 */
package cn.unionaid.registry;
