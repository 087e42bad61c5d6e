/**
 * Programs (帮扶项目) and their standards (标准) as data: parameters versioned by region and date with a
 * second person's approval, typed eligibility and amount rules, example cases, and entitlement runs that give
 * every person an amount and the reason for it.
 */
package cn.unionaid.policy;
