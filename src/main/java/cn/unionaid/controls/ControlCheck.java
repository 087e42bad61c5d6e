package cn.unionaid.controls;

import cn.unionaid.shared.FundSource;

/**
 * The compliance checks (DOMAIN §5; seed 000's list of violations, seed 002's findings). Each gives
 * {@code org_id, subject_key, year, detail, amount_fen, batch_id} for every payment that breaks its rule: either by
 * its own SQL query, or as a condition over a {@link CheckReading} it shares with other checks, so that a control run
 * reads those millions of rows once for all of them.
 */
public enum ControlCheck {

    DECEASED_PAYEE("冒领：支付时已故、撤销荣誉或已迁出", Severity.HIGH, "支付前核实对象健在、荣誉有效、仍属本单位，杜绝冒领", "发放前逐人核验死亡、撤销荣誉和迁出信息，已支付的依规追回",
            CheckReading.BOOKED_PAYMENTS, "l.kind = 'PAYMENT' and g.event_date <= l.entry_date", """
            b.org_id, 'item:' || i.id, p.year,
            i.name || ' 于 ' || g.event_date || ' ' || case g.kind when 'DECEASED' then '死亡' when 'HONOUR_REVOKED' then '撤销荣誉'
                 when 'MOVED_OUT' then '迁出' when 'LIFTED' then '脱困' else '注销' end
            || '，' || l.entry_date || ' 仍支付 ' || (i.amount_fen / 100.0)::numeric(14, 2) || ' 元',
            i.amount_fen, b.id
            """),
    NOT_IN_REGISTER("虚列支出：支付对象不在档案中", Severity.HIGH, "先建档、后帮扶，杜绝虚列支出", "坚持先建档、后帮扶，对无档案的支付逐笔核实并追回",
            CheckReading.BOOKED_PAYMENTS, "l.kind = 'PAYMENT' and (o.opened is null or o.opened > l.entry_date)", """
            b.org_id, 'item:' || i.id, p.year, i.name || ' 无在档记录却支付 ' || (i.amount_fen / 100.0)::numeric(14, 2) || ' 元',
            i.amount_fen, b.id
            """),
    OUTSIDE_POPULATION("扩大发放范围：不在核算应发名单内", Severity.HIGH, "按核定名单发放，不得扩大发放范围", "严格按核定名单编制发放批次，名单外人员须履行审批程序",
            CheckReading.SETTLED_ITEMS, """
            (b.run_id is not null and e.run_id is null) or (b.run_id is null and coalesce(i.entitled_fen, 0) = 0)
            """, """
            b.org_id, 'item:' || i.id, p.year,
            case when b.run_id is not null then i.name || ' 不在核算第 ' || b.run_id || ' 次的应发名单内'
                 else i.name || ' 由手工批次 ' || b.id || ' 支付，未经项目规则核定为应发' end,
            i.amount_fen, b.id
            """),
    OFF_STANDARD("不按标准发放：金额与核定不符", Severity.HIGH, "按核定标准发放", "按核定标准发放，差额部分补发或追回",
            CheckReading.SETTLED_ITEMS, """
            (b.run_id is not null and i.amount_fen <> e.amount_fen)
            or (b.run_id is null and i.entitled_fen > 0
                and ((i.entitlement_kind = 'EXACT' and i.amount_fen <> i.entitled_fen)
                     or (i.entitlement_kind = 'CAP' and i.amount_fen > i.entitled_fen)))
            """, """
            b.org_id, 'item:' || i.id, p.year,
            case when b.run_id is not null
                 then i.name || ' 支付 ' || (i.amount_fen / 100.0)::numeric(14, 2) || ' 元，核定 ' || (e.amount_fen / 100.0)::numeric(14, 2) || ' 元'
                 else i.name || ' 由手工批次支付 ' || (i.amount_fen / 100.0)::numeric(14, 2) || ' 元，'
                      || case i.entitlement_kind when 'CAP' then '上限 ' else '核定 ' end
                      || (i.entitled_fen / 100.0)::numeric(14, 2) || ' 元' end,
            i.amount_fen - case when b.run_id is not null then e.amount_fen else i.entitled_fen end, b.id
            """),
    // The 5.8 M paid payments of a province's year are sorted by person within each program: by the person's id first,
    // so that nearly every comparison ends on a number rather than on the subject type's text (6.2 s -> 5.5 s).
    DUPLICATE("重复发放：同一人同一项目多次支付", Severity.HIGH, "同一项目同一人只发放一次", "同一项目同一人只发放一次，重复支付部分依规追回", """
            select min(b.org_id), 'dup:' || x.program_id || ':' || x.subject_type || ':' || x.subject_id, min(p.year),
                   min(x.name) || ' 在项目“' || min(p.name) || '”中被支付 ' || count(*) || ' 次（批次 '
                   || string_agg(distinct b.id::text, '、') || '）',
                   sum(x.amount_fen), min(b.id)
              from (select program_id, subject_type, subject_id, batch_id, name, amount_fen,
                           count(*) over (partition by program_id, subject_id, subject_type) as times
                      from disbursement.v_batch_item where status = 'PAID') x
              join disbursement.v_batch b on b.id = x.batch_id join policy.v_program p on p.id = b.program_id
             where x.times > 1
             group by x.program_id, x.subject_id, x.subject_type
            """),
    ORGANISATION_ACCOUNT("向组织或协会账户支付", Severity.HIGH, "资金实名发放给个人，不得拨付协会等组织（曾有向劳模协会支付工作经费被认定不合规）", "帮扶资金只实名发放给个人，已拨付组织的资金收回",
            // The payee's last character is tested first: this condition is tried on every one of a province's 5.8 M
            // payments, and the one-character class costs half of what the alternation does on a name that cannot match.
            CheckReading.SETTLED_ITEMS, "i.name ~ '[会司心]$' and i.name ~ '(协会|工会|委员会|公司|中心|联合会|学会|基金会)$'", """
            b.org_id, 'item:' || i.id, p.year, '收款人“' || i.name || '”为组织或协会账户', i.amount_fen, b.id
            """),
    CASH_PAYMENT("现金发放：支付未经银行代发", Severity.HIGH, "一律通过本人银行卡实名代发，禁止现金发放", "一律通过本人银行卡代发，停止现金发放", """
            select l.org_id, 'ledger:' || l.id, l.year, l.entry_date || ' 支付 ' || (l.amount_fen / 100.0)::numeric(14, 2)
                   || ' 元无对应的代发记录（' || l.voucher || '）', l.amount_fen, l.batch_id
              from funds.v_ledger_entry l where l.kind = 'PAYMENT' and l.item_id is null
            """),
    OUT_OF_WINDOW("跨年度或超出发放期间支付", Severity.MEDIUM, "当年资金当年发放，并在项目发放期间内发放", "在项目发放期间内完成发放，当年资金当年执行",
            CheckReading.BOOKED_PAYMENTS, """
            l.kind = 'PAYMENT' and (l.entry_date not between p.window_from and p.window_to or l.year <> p.year)
            """, """
            b.org_id, 'ledger:' || l.id, p.year,
            i.name || ' 于 ' || l.entry_date || ' 支付，项目发放期间为 ' || p.window_from || ' 至 ' || p.window_to
            || case when l.year <> p.year then '，且记入 ' || l.year || ' 年度' else '' end,
            l.amount_fen, b.id
            """),
    UNBOOKED_RETURN("退回资金未入账", Severity.HIGH, "银行退回的资金须及时入账（曾有退回资金未入账被指出）", "银行退回资金当日入账，按规定重发或退回资金来源", """
            select b.org_id, 'line:' || s.id, p.year,
                   '对账单 ' || s.value_date || ' 退回 ' || (s.amount_fen / 100.0)::numeric(14, 2) || ' 元未记入台账'
                   || coalesce('（' || s.name || '）', ''), s.amount_fen, b.id
              from disbursement.v_statement_line s join disbursement.v_batch b on b.id = s.batch_id join policy.v_program p on p.id = b.program_id
             where s.outcome = 'RETURNED'
               and ((s.item_id is null and s.set_aside_reason is null)
                    or (s.item_id is not null and not exists (select 1 from funds.v_ledger_entry l where l.item_id = s.item_id and l.kind = 'RETURN')))
            """),
    NO_PUBLICITY_EVIDENCE("公示无留存证据或有未处理异议", Severity.MEDIUM, "发放前公示并留存张贴照片，异议处理完毕后方可发放", "发放前完成公示并留存张贴照片，异议处理完毕后再发放", """
            select b.org_id, 'batch:' || b.id, p.year,
                   '批次 ' || b.id || '“' || b.title || '”已支付，但' || case when b.publicity_photo is null then '公示无张贴照片'
                        else '尚有未处理的异议' end, b.total_fen, b.id
              from disbursement.v_batch b join policy.v_program p on p.id = b.program_id
             where b.status in ('FILE_GENERATED', 'RECONCILED', 'COMPLETED')
               and (b.publicity_photo is null or exists (select 1 from disbursement.v_objection o where o.batch_id = b.id and o.resolution is null))
            """),
    COVERAGE_OVER_LIMIT("覆盖面超过上限", Severity.MEDIUM, "补助人数不超过规定比例（如不超过劳模总数的40%）", "按规定比例控制补助人数，超出部分调整", """
            select p.org_id, 'coverage:' || p.id, p.year,
                   '项目“' || p.name || '”支付 ' || paid.n || ' 人，超过覆盖面上限 ' || lim.pct || '%（在册 ' || lim.base
                   || ' 人，至多 ' || lim.base * lim.pct / 100 || ' 人）', null::bigint, null::bigint
              from policy.v_program p
              join lateral (select count(distinct i.subject_id) as n from disbursement.v_batch_item i join disbursement.v_batch b on b.id = i.batch_id
                             where b.program_id = p.id and i.status = 'PAID') paid on true
              join lateral (select (select count(*) from policy.v_entitlement e where e.run_id = r.id and e.in_register) as base,
                                   (select (x ->> 'value')::bigint from jsonb_array_elements(r.parameters::jsonb) x
                                     where x ->> 'key' = p.rule::jsonb ->> 'coveragePercent' limit 1) as pct
                              from policy.v_entitlement_run r where r.program_id = p.id and r.kind = 'OFFICIAL' and r.status = 'DONE'
                             order by r.id desc limit 1) lim on true
             where p.rule::jsonb ->> 'coveragePercent' is not null and lim.pct is not null
               and paid.n > lim.base * lim.pct / 100
            """),
    SOURCE_MISMATCH("资金来源混用：支付记入其他来源", Severity.HIGH, "专款专用、分账核算，不同资金来源不得混用或捆绑核算", "按资金来源分账核算，调整串户的支出记录",
            CheckReading.BOOKED_PAYMENTS, "l.source <> b.source", """
            b.org_id, 'ledger:' || l.id, l.year,
            i.name || ' 的支付记在“' || %s || '”，批次资金来源为“' || %s || '”', l.amount_fen, b.id
            """.formatted(FundSource.sqlLabel("l.source"), FundSource.sqlLabel("b.source"))),
    BUDGET_OVERRUN("超预算支出", Severity.MEDIUM, "支出不超过批复预算", "按批复预算执行，超支部分履行调剂程序", """
            select s.org_id, 'budget:' || s.org_id || ':' || s.year || ':' || s.source, s.year,
                   s.year || ' 年度' || %s || '支出 ' || (s.spent / 100.0)::numeric(14, 2) || ' 元，预算 '
                   || (s.budget / 100.0)::numeric(14, 2) || ' 元', s.spent - s.budget, null::bigint
              from (select l.org_id, l.year, l.source,
                           sum(case l.kind when 'PAYMENT' then l.amount_fen when 'RETURN' then -l.amount_fen else 0 end) as spent,
                           (select sum(amount_fen) from funds.v_budget_line bl where bl.org_id = l.org_id and bl.year = l.year
                               and bl.source = l.source) as budget
                      from funds.v_ledger_day l group by l.org_id, l.year, l.source) s
             where s.budget is not null and s.spent > s.budget
            """.formatted(FundSource.sqlLabel("s.source")));

    private final String title;
    private final Severity severity;
    private final String basis;
    private final String remedy;
    private final CheckReading reading;
    private final String condition;
    private final String hit;
    private final String sql;

    /** A check with its own query, returning {@code org_id, subject_key, year, detail, amount_fen, batch_id}. */
    ControlCheck(String title, Severity severity, String basis, String remedy, String sql) {
        this(title, severity, basis, remedy, CheckReading.OWN, null, null, sql);
    }

    /**
     * A check of the rows of a shared reading: the condition a row breaks it by, and the hit it gives then
     * ({@code org_id, subject_key, year, detail, amount_fen, batch_id} in the reading's aliases).
     */
    ControlCheck(String title, Severity severity, String basis, String remedy, CheckReading reading, String condition,
            String hit) {
        this(title, severity, basis, remedy, reading, condition.strip(), hit.strip(), null);
    }

    private ControlCheck(String title, Severity severity, String basis, String remedy, CheckReading reading,
            String condition, String hit, String sql) {
        this.title = title;
        this.severity = severity;
        this.basis = basis;
        this.remedy = remedy;
        this.reading = reading;
        this.condition = condition;
        this.hit = hit;
        this.sql = sql;
    }

    /** What a union does about a finding of this check (整改建议), as a report's 有关建议 drafts it. */
    public String remedy() {
        return remedy;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public String basis() {
        return basis;
    }

    /** What the check reads; checks of one shared reading are run together. */
    CheckReading reading() {
        return reading;
    }

    /** The condition a row of the shared reading breaks this check by. */
    String condition() {
        return condition;
    }

    /** The hit a breaking row gives, as {@code org_id, subject_key, year, detail, amount_fen, batch_id}. */
    String hit() {
        return hit;
    }

    /** A check's own query ({@link CheckReading#OWN}), returning {@code org_id, subject_key, year, detail, amount_fen, batch_id}. */
    String sql() {
        return sql;
    }
}
