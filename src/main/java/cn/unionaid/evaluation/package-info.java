/**
 * Performance evaluation (绩效评价): indicator systems as data per union, year and frame, actuals from the year's
 * data, declared targets, satisfaction surveys, scoring with a reason for every deduction, grades, and the reports.
 * <p>
 * Its tables live in the database schema {@code evaluation}; it publishes no views: no other module reads its data in SQL.
 */
package cn.unionaid.evaluation;
