/**
 * Performance evaluation (绩效评价): indicator systems as data per union, year and frame, actuals from the year's
 * data, declared targets, satisfaction surveys, scoring with a reason for every deduction, grades, and the reports.
 */
package cn.unionaid.evaluation;
