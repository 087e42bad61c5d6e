package cn.unionaid.policy;

import java.util.Map;

import cn.unionaid.platform.BusinessRuleException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * An administrator's condition in Google CEL: parsed and type-checked against the person's variables when it is
 * saved (a typo or a wrong type is refused then, not during a run), evaluated in CEL's sandbox, which can read
 * only the variables given and has no access to the JVM.
 */
public final class CelCondition {

    /** The variables a condition can use. Amounts are in fen; ages in whole years on the reference date. */
    public static final Map<String, dev.cel.common.types.CelType> VARIABLES = Map.of(
            "honour", SimpleType.STRING, "employment", SimpleType.STRING, "income", SimpleType.INT,
            "age", SimpleType.INT, "region", SimpleType.STRING, "category", SimpleType.STRING,
            "cost", SimpleType.INT, "requested", SimpleType.INT, "inRegister", SimpleType.BOOL);

    private static final CelCompiler COMPILER;
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    static {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
        VARIABLES.forEach(builder::addVar);
        COMPILER = builder.build();
    }

    private final String expression;
    private final CelRuntime.Program program;

    private CelCondition(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    /** @throws BusinessRuleException naming the problem when the expression does not parse or is not boolean */
    public static CelCondition compile(String expression) {
        if (expression == null || expression.isBlank() || expression.length() > 1000) {
            throw BusinessRuleException.invalid("policy.error.celEmpty");
        }
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            return new CelCondition(expression, RUNTIME.createProgram(ast));
        } catch (CelValidationException e) {
            throw BusinessRuleException.invalid("policy.error.cel", expression, e.getMessage());
        } catch (CelEvaluationException e) {
            throw BusinessRuleException.invalid("policy.error.cel", expression, e.getMessage());
        }
    }

    public boolean test(Map<String, Object> variables) {
        try {
            return Boolean.TRUE.equals(program.eval(variables));
        } catch (CelEvaluationException e) {
            throw BusinessRuleException.invalid("policy.error.cel", expression, e.getMessage());
        }
    }

    public String expression() {
        return expression;
    }
}
