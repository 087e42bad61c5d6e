package cn.unionaid.policy;

import cn.unionaid.platform.BusinessRuleException;

/** A rule needs a standard that has no approved version for the region and date: the run stops. Never zero. */
public class MissingParameterException extends BusinessRuleException {

    public MissingParameterException(String key, String region, String date) {
        super(Kind.CONFLICT, "policy.error.missingParameter", key, region, date);
    }
}
