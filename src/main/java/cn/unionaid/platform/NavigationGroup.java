package cn.unionaid.platform;

/** The groups of the side menu, by the work union staff do, in the order they are shown. */
public enum NavigationGroup {
    /** 首页 and the items every page starts from. */
    HOME,
    /** 档案管理. */
    ARCHIVES,
    /** 帮扶管理: programs, standards, runs. */
    AID,
    /** 资金管理. */
    FUNDS,
    /** 发放管理. */
    PAYMENTS,
    /** 合规检查. */
    CONTROLS,
    /** 绩效评价. */
    EVALUATION,
    /** 系统管理. */
    SYSTEM;

    public String messageKey() {
        return "nav.group." + name();
    }
}
