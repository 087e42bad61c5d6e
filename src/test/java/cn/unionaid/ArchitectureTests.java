package cn.unionaid;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What the architecture promises beyond module boundaries (those are ModularityTests'). */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.unionaid");

    @Test
    void nothingIsHeldAsFloatingPoint() {
        fields().should().notHaveRawType(double.class).andShould().notHaveRawType(float.class)
                .andShould().notHaveRawType(Double.class).andShould().notHaveRawType(Float.class)
                .because("money is integer fen and ratios are exact decimals").check(classes);
    }

    @Test
    void controllersLiveInWebPackages() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("..web..").check(classes);
    }

    @Test
    void controllersDoNotTalkToTheDatabase() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(classes);
    }

    @Test
    void userTextIsNeverEvaluatedAsAnExpressionLanguage() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.expression..", "org.mvel2..", "org.apache.commons.jexl3..")
                .because("administrator conditions are CEL, type-checked and sandboxed").check(classes);
    }

    @Test
    void sharedValueTypesDependOnNoModule() {
        noClasses().that().resideInAPackage("cn.unionaid.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.unionaid.platform..", "cn.unionaid.org..",
                        "cn.unionaid.audit..", "org.springframework.web..",
                        "org.springframework.jdbc..", "org.springframework.context..", "org.springframework.beans..")
                .check(classes);
    }

    @Test
    void onlyTheAuditModuleWritesTheAuditTable() {
        noClasses().that().resideOutsideOfPackage("cn.unionaid.audit..")
                .should().dependOnClassesThat().resideInAPackage("cn.unionaid.audit.internal..").check(classes);
    }
}
