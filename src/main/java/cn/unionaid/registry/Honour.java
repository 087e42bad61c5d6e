package cn.unionaid.registry;

import cn.unionaid.shared.Labelled;

/** 荣誉称号. */
public enum Honour implements Labelled {
    NATIONAL_MODEL("全国劳动模范"),
    NATIONAL_MAY_DAY("全国五一劳动奖章"),
    PROVINCIAL_MODEL("省部级劳动模范"),
    PROVINCIAL_ADVANCED("省部级先进工作者"),
    CITY_MODEL("市级劳动模范"),
    PROVINCIAL_TREATMENT("享受省部级劳模待遇");

    private final String label;

    Honour(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
