package cn.unionaid.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NarrativeCheckTest {

    @Test
    void seed003sMixOfYearsIsFlagged() {
        String text = "2024年度共帮扶1081户，资金133万元，截止2023年5月17日已全部发放；与2023年相比有所增加。";
        assertThat(NarrativeCheck.otherYears(text, 2024)).containsExactly("2023年5月17日");
        assertThat(NarrativeCheck.otherYears("2021年度工作基础上", 2024)).containsExactly("2021年度");
        assertThat(NarrativeCheck.otherYears("截至2024-12-31全部发放，2025年1月10日前完成春节慰问", 2024)).isEmpty();
    }
}
