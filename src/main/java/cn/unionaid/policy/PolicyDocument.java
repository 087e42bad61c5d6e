package cn.unionaid.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.unionaid.shared.FundSource;

/**
 * A policy file (帮扶政策文件): standards with their versions, and programs with their rules and example cases,
 * as a readable YAML document that a province hands to its cities. The schema is in docs/policy-files.md.
 */
public record PolicyDocument(Integer year, List<Parameter> parameters, List<ProgramEntry> programs) {

    public PolicyDocument {
        parameters = parameters == null ? List.of() : parameters;
        programs = programs == null ? List.of() : programs;
    }

    public record Parameter(String key, String name, ParameterUnit unit, List<Version> versions) {
        public Parameter {
            versions = versions == null ? List.of() : versions;
        }
    }

    /** A value as people write it (4800.00, 40, 1.5), for a region (omitted: national) from a date. */
    public record Version(String region, LocalDate from, String value, String document) {
    }

    public record ProgramEntry(String code, String name, BeneficiaryKind beneficiary, Set<FundSource> fundSources,
            LocalDate referenceDate, LocalDate windowFrom, LocalDate windowTo, Rule rule, List<Case> cases) {
        public ProgramEntry {
            cases = cases == null ? List.of() : cases;
        }
    }

    public record Case(String name, ExampleCase.Inputs inputs, Decision expectedDecision, String expectedAmount) {
    }
}
