package cn.unionaid.policy;

import java.time.LocalDate;

import cn.unionaid.registry.Employment;
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.Honour;

/**
 * An example case attached to a program: inputs and the decision and amount the rule must give for them. A
 * standard cannot be approved while a case fails.
 */
public record ExampleCase(Long id, long programId, String name, Inputs inputs, Decision expectedDecision,
        long expectedAmountFen) {

    /** The person of the case, as a clerk would describe them. Amounts in fen. */
    public record Inputs(String regionCode, Honour honour, Employment employment, Long incomeFen, LocalDate birthDate,
            boolean inRegister, HardshipCategory category, Long costFen, Long requestedFen, long otherProgramsFen) {

        PersonInputs toPerson(String name) {
            return new PersonInputs(0, name, regionCode, honour, employment, incomeFen, birthDate, inRegister, category,
                    costFen, requestedFen, otherProgramsFen);
        }
    }

    /** The outcome the rule gave now, and whether it is the expected one. */
    public record Result(ExampleCase exampleCase, Outcome outcome, boolean passed, String error) {
    }
}
