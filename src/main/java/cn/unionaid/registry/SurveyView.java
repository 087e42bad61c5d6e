package cn.unionaid.registry;

import java.time.LocalDate;

/** A living-status survey (生活状况摸底) of one person or household in one year. */
public record SurveyView(long id, int year, LocalDate date, SurveyMethod method, String findings, String incomeYuan,
        String recordedBy) {
}
