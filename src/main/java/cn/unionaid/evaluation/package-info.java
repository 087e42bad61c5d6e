/**
 * Performance evaluation (绩效评价): indicator systems as data, scoring with a reason for every deduction, grades.
 * (Targets, actuals from the year's data, surveys and the report are still to come.)
 */
package cn.unionaid.evaluation;
