package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A union's indicator system of a year and frame, kept as data: until it is first changed it is the built-in
 * template; the first change copies the template and every later change edits that copy node by node, each
 * audited. A group's weight is the sum of its children's. The self-evaluation system is frozen with the targets
 * once they are submitted.
 */
@Service
public class IndicatorSystems {

    /** What the page or API sends to add or change a node; {@code group} adds a group rather than a leaf. */
    public record NodeForm(String code, String parentCode, String name, BigDecimal weight, BigDecimal target, String unit,
            Direction direction, ScoringMethod method, Metric metric, String bands, Boolean group) {
    }

    private static final String INSERT_NODE = """
            insert into evaluation.indicator_node (system_id, code, parent_code, level, position, name, weight, target, unit,
                                        direction, method, metric, bands)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,59}");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Targets targets;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    IndicatorSystems(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, AuditLog audit, Targets targets) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.targets = targets;
    }

    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional(readOnly = true)
    public Indicator of(DataScope scope, int year, Frame frame) {
        return systemId(scope, year, frame).map(this::load).orElseGet(() -> IndicatorTemplates.of(frame));
    }

    /** Whether the union has its own copy (false: the built-in template applies). */
    @Transactional(readOnly = true)
    public boolean customised(DataScope scope, int year, Frame frame) {
        return systemId(scope, year, frame).isPresent();
    }

    @PreAuthorize(EvaluationRoles.DATA_ENTRY)
    @Transactional
    public Indicator save(DataScope scope, int year, Frame frame, NodeForm form) {
        long system = editable(scope, year, frame);
        Map<String, Node> nodes = nodes(system);
        String code = requireCode(form.code());
        if (form.name() == null || form.name().isBlank() || form.name().length() > 100) {
            throw BusinessRuleException.invalid("indicator.error.name", code);
        }
        Node existing = nodes.get(code);
        boolean leaf = existing == null ? !Boolean.TRUE.equals(form.group()) : existing.method() != null;
        BigDecimal weight = form.weight() == null ? BigDecimal.ZERO : form.weight();
        if (leaf && (weight.signum() < 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw BusinessRuleException.invalid("indicator.error.weight", code);
        }
        DeductionBands bands;
        try {
            bands = DeductionBands.parse(form.bands());
        } catch (IllegalArgumentException e) {
            throw BusinessRuleException.invalid("indicator.error.bands", code, e.getMessage());
        }
        if (leaf && form.method() == null) {
            throw BusinessRuleException.invalid("indicator.error.method", code);
        }
        if (form.target() != null && form.target().signum() < 0) {
            throw BusinessRuleException.invalid("indicator.error.target", code);
        }
        // name, weight, target, unit, direction, method, metric, bands: a group keeps only its name
        Object[] attributes = leaf
                ? new Object[] {form.name().strip(), weight, form.target(), blankToNull(form.unit()), name(direction(form)),
                        form.method().name(), name(form.metric()), blankToNull(bands.toString())}
                : new Object[] {form.name().strip(), BigDecimal.ZERO, null, null, null, null, null, null};
        if (existing == null) {
            Node parent = nodes.get(form.parentCode());
            if (parent == null || parent.method() != null || parent.level() >= (leaf ? 3 : 2)) {
                throw BusinessRuleException.invalid("indicator.error.parent", code);
            }
            int position = nodes.values().stream().mapToInt(Node::position).max().orElse(0) + 1;
            template.update(INSERT_NODE, row(system, code, parent.code(), parent.level() + 1, position, attributes));
            audit.record("indicator.added", "indicator", system + ":" + code, Map.of("name", form.name().strip(),
                    "parent", parent.code()));
        } else {
            var update = jdbc.sql("""
                    update evaluation.indicator_node set name = ?, weight = ?, target = ?, unit = ?, direction = ?, method = ?,
                           metric = ?, bands = ? where system_id = ? and code = ?
                    """);
            for (Object v : attributes) {
                update = update.param(v);
            }
            update.param(system).param(code).update();
            audit.record("indicator.changed", "indicator", system + ":" + code, changes(existing, form, weight, bands));
        }
        return load(system);
    }

    @PreAuthorize(EvaluationRoles.DATA_ENTRY)
    @Transactional
    public Indicator remove(DataScope scope, int year, Frame frame, String code) {
        long system = editable(scope, year, frame);
        Map<String, Node> nodes = nodes(system);
        Node node = nodes.get(code);
        if (node == null || node.parentCode() == null) {
            throw BusinessRuleException.notFound("indicator.error.notFound", code);
        }
        if (nodes.values().stream().anyMatch(n -> code.equals(n.parentCode()))) {
            throw BusinessRuleException.conflict("indicator.error.hasChildren", code);
        }
        jdbc.sql("delete from evaluation.indicator_node where system_id = ? and code = ?").param(system).param(code).update();
        audit.record("indicator.removed", "indicator", system + ":" + code, Map.of("name", node.name()));
        return load(system);
    }

    private long editable(DataScope scope, int year, Frame frame) {
        if (frame == Frame.SELF && targets.submitted(scope, year)) {
            throw BusinessRuleException.conflict("indicator.error.frozen", year);
        }
        return systemId(scope, year, frame).orElseGet(() -> copyTemplate(scope, year, frame));
    }

    private long copyTemplate(DataScope scope, int year, Frame frame) {
        long id = jdbc.sql("""
                insert into evaluation.indicator_system (org_id, year, frame, created_by) values (?, ?, ?, ?) returning id
                """).param(scope.orgId()).param(year).param(frame.name()).param(CurrentUser.require().getUsername())
                .query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        flatten(id, IndicatorTemplates.of(frame), null, rows);
        template.batchUpdate(INSERT_NODE, rows);
        audit.record("indicator.systemCreated", "indicator", id, Map.of("year", year, "frame", frame.name(), "nodes", rows.size()));
        return id;
    }

    private static void flatten(long system, Indicator node, String parent, List<Object[]> rows) {
        rows.add(row(system, node.code(), parent, node.level(), rows.size() + 1, new Object[] {node.name(), node.weight(),
                node.target(), node.unit(), name(node.direction()), name(node.method()), name(node.metric()),
                node.bands().isEmpty() ? null : node.bands().toString()}));
        node.children().forEach(c -> flatten(system, c, node.code(), rows));
    }

    /** The parameters of {@link #INSERT_NODE}: the node's place, then its attributes (name … bands). */
    private static Object[] row(long system, String code, String parent, int level, int position, Object[] attributes) {
        Object[] row = new Object[5 + attributes.length];
        System.arraycopy(new Object[] {system, code, parent, level, position}, 0, row, 0, 5);
        System.arraycopy(attributes, 0, row, 5, attributes.length);
        return row;
    }

    private Optional<Long> systemId(DataScope scope, int year, Frame frame) {
        return jdbc.sql("select id from evaluation.indicator_system where org_id = ? and year = ? and frame = ?").param(scope.orgId())
                .param(year).param(frame.name()).query(Long.class).optional();
    }

    private record Node(String code, String parentCode, int level, int position, String name, BigDecimal weight,
            BigDecimal target, String unit, Direction direction, ScoringMethod method, Metric metric, String bands) {
    }

    private Map<String, Node> nodes(long system) {
        Map<String, Node> map = new LinkedHashMap<>();
        jdbc.sql("select * from evaluation.indicator_node where system_id = ? order by position").param(system)
                .query((rs, n) -> new Node(rs.getString("code"), rs.getString("parent_code"), rs.getInt("level"),
                        rs.getInt("position"), rs.getString("name"), rs.getBigDecimal("weight"), rs.getBigDecimal("target"),
                        rs.getString("unit"), rs.getString("direction") == null ? null : Direction.valueOf(rs.getString("direction")),
                        rs.getString("method") == null ? null : ScoringMethod.valueOf(rs.getString("method")),
                        rs.getString("metric") == null ? null : Metric.valueOf(rs.getString("metric")), rs.getString("bands")))
                .list().forEach(n -> map.put(n.code(), n));
        return map;
    }

    private Indicator load(long system) {
        Map<String, Node> nodes = nodes(system);
        Map<String, List<Node>> children = new HashMap<>();
        Node root = null;
        for (Node n : nodes.values()) {
            if (n.parentCode() == null) {
                root = n;
            } else {
                children.computeIfAbsent(n.parentCode(), k -> new ArrayList<>()).add(n);
            }
        }
        return tree(root, children);
    }

    private static Indicator tree(Node n, Map<String, List<Node>> children) {
        if (n.method() != null) {
            return new Indicator(n.code(), n.name(), n.level(), n.weight(), n.target(), n.unit(), n.direction(), n.method(),
                    n.metric(), DeductionBands.parse(n.bands()), List.of());
        }
        Indicator group = new Indicator(n.code(), n.name(), n.level(), BigDecimal.ZERO, null, null, null, null, null, null,
                List.of());
        return group.withChildren(children.getOrDefault(n.code(), List.of()).stream().map(c -> tree(c, children)).toList());
    }

    private static Map<String, Object> changes(Node before, NodeForm form, BigDecimal weight, DeductionBands bands) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", form.name().strip());
        detail.put("weight", before.weight().toPlainString() + "→" + weight.toPlainString());
        detail.put("target", before.target() + "→" + form.target());
        detail.put("method", before.method() + "→" + form.method());
        detail.put("metric", before.metric() + "→" + form.metric());
        detail.put("bands", before.bands() + "→" + bands);
        return detail;
    }

    private static Direction direction(NodeForm form) {
        if (form.direction() != null) {
            return form.direction();
        }
        return form.method() == ScoringMethod.REVERSE ? Direction.AT_MOST
                : form.method() == ScoringMethod.QUALITATIVE ? Direction.QUALITATIVE : Direction.AT_LEAST;
    }

    private static String requireCode(String code) {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw BusinessRuleException.invalid("indicator.error.code", code == null ? "" : code);
        }
        return code.strip();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
