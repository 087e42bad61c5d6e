/**
 * The registry (先建档、后帮扶): model-worker archives and hardship households with their members, imported
 * from the rosters unions keep, with lifecycle events, evidence, living-status surveys and re-check samples.
 */
package cn.unionaid.registry;
