package cn.unionaid.policy;

import java.time.LocalDate;

import cn.unionaid.registry.Employment;
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.Honour;

/**
 * What a run knows of one person (or household) on the reference date: the snapshot the amount is computed from.
 *
 * @param incomeFen        monthly income; for a household, per head; null when not on file
 * @param costFen          documented cost on the claim, null when none
 * @param requestedFen     amount asked for on the claim, null when none
 * @param otherProgramsFen what the person already gets in the year from the organisation's other programs
 * @param standing         the archive's dated register events behind {@code inRegister}; null for an example case
 */
public record PersonInputs(long subjectId, String name, String regionCode, Honour honour, Employment employment,
        Long incomeFen, LocalDate birthDate, boolean inRegister, HardshipCategory category, Long costFen,
        Long requestedFen, long otherProgramsFen, RegisterStanding standing) {

    /** A person described without the register's dates (an example case, a what-if). */
    public PersonInputs(long subjectId, String name, String regionCode, Honour honour, Employment employment,
            Long incomeFen, LocalDate birthDate, boolean inRegister, HardshipCategory category, Long costFen,
            Long requestedFen, long otherProgramsFen) {
        this(subjectId, name, regionCode, honour, employment, incomeFen, birthDate, inRegister, category, costFen,
                requestedFen, otherProgramsFen, null);
    }

    public boolean hasClaim() {
        return costFen != null || requestedFen != null;
    }
}
