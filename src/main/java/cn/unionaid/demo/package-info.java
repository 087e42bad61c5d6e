/**
 * The demo year: with {@code UNIONAID_DEMO=true}, 益阳市总工会's 2023 built on first start through the application's
 * own services, one demo user at a time, so a new user sees the whole system working. Nothing depends on it.
 */
package cn.unionaid.demo;
