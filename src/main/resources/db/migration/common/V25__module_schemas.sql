-- Module boundaries in the database (docs/architecture.md): every module's tables move into a schema named after the
-- module, data, indexes, sequences, triggers and rights kept (ALTER ... SET SCHEMA); what other modules read is
-- published as v_ views in the owner's schema; foreign keys across modules are dropped, the ids being checked through
-- the owning module's API. Flyway's history stays in public.
create schema if not exists org;
create schema if not exists audit;
create schema if not exists registry;
create schema if not exists policy;
create schema if not exists funds;
create schema if not exists disbursement;
create schema if not exists controls;
create schema if not exists evaluation;
create schema if not exists crosscheck;
create schema if not exists platform;
alter table public.api_token set schema org;
alter table public.app_user set schema org;
alter table public.login_throttle set schema org;
alter table public.organisation set schema org;
alter table public.region set schema org;
alter table public.security_policy set schema org;
alter table public.subsistence_standard set schema org;
alter table public.user_role set schema org;
alter table public.audit_log set schema audit;
alter sequence public.audit_log_seq set schema audit;
alter table public.evidence_file set schema registry;
alter table public.household set schema registry;
alter table public.household_member set schema registry;
alter table public.import_job set schema registry;
alter table public.living_confirmation set schema registry;
alter table public.living_survey set schema registry;
alter table public.model_worker set schema registry;
alter table public.recheck_sample set schema registry;
alter table public.recheck_sample_item set schema registry;
alter table public.registry_event set schema registry;
alter table public.entitlement set schema policy;
alter table public.entitlement_claim set schema policy;
alter table public.entitlement_run set schema policy;
alter table public.parameter_definition set schema policy;
alter table public.parameter_version set schema policy;
alter table public.program set schema policy;
alter table public.program_case set schema policy;
alter table public.program_rule_history set schema policy;
alter table public.allocation set schema funds;
alter table public.budget_line set schema funds;
alter table public.fund_receipt set schema funds;
alter table public.ledger_entry set schema funds;
alter table public.reallocation set schema funds;
alter table public.batch set schema disbursement;
alter table public.batch_item set schema disbursement;
alter table public.objection set schema disbursement;
alter table public.statement_line set schema disbursement;
alter table public.control_run set schema controls;
alter table public.finding set schema controls;
alter table public.evaluation_deduction set schema evaluation;
alter table public.evaluation_narrative set schema evaluation;
alter table public.evaluation_override set schema evaluation;
alter table public.indicator_actual set schema evaluation;
alter table public.indicator_node set schema evaluation;
alter table public.indicator_system set schema evaluation;
alter table public.performance_target set schema evaluation;
alter table public.report_template set schema evaluation;
alter table public.satisfaction_survey set schema evaluation;
alter table public.survey_answer set schema evaluation;
alter table public.cross_check_hit set schema crosscheck;
alter table public.outside_list set schema crosscheck;
alter table public.outside_list_entry set schema crosscheck;
alter table public.spring_session set schema platform;
alter table public.spring_session_attributes set schema platform;

-- The triggers' functions move with their tables and name their schema, whatever the caller's search path.
alter function public.audit_log_is_append_only() set schema audit;
alter function public.registry_event_is_append_only() set schema registry;
alter function public.parameter_version_approved_is_final() set schema policy;
alter function public.ledger_entry_is_append_only() set schema funds;
alter function public.batch_item_program() set schema disbursement;
alter function public.batch_item_status_moves_forward() set schema disbursement;
alter function public.batch_total_follows_items() set schema disbursement;
alter function audit.audit_log_is_append_only() set search_path = audit;
alter function registry.registry_event_is_append_only() set search_path = registry;
alter function policy.parameter_version_approved_is_final() set search_path = policy;
alter function funds.ledger_entry_is_append_only() set search_path = funds;
alter function disbursement.batch_item_program() set search_path = disbursement;
alter function disbursement.batch_item_status_moves_forward() set search_path = disbursement;
alter function disbursement.batch_total_follows_items() set search_path = disbursement;

-- No foreign key crosses a module's boundary.
do $$
declare
    fk record;
begin
    for fk in
        select c.conname, tn.nspname as from_schema, t.relname as from_table
          from pg_constraint c
          join pg_class t on t.oid = c.conrelid join pg_namespace tn on tn.oid = t.relnamespace
          join pg_class r on r.oid = c.confrelid join pg_namespace rn on rn.oid = r.relnamespace
         where c.contype = 'f' and tn.nspname <> rn.nspname
    loop
        execute format('alter table %I.%I drop constraint %I', fk.from_schema, fk.from_table, fk.conname);
    end loop;
end
$$;

-- The published read views: each module's SQL interface for the others (the owner's package-info lists them).
create view org.v_organisation as select * from org.organisation;
create view org.v_region as select * from org.region;
create view registry.v_model_worker as select * from registry.model_worker;
create view registry.v_household as select * from registry.household;
create view registry.v_household_member as select * from registry.household_member;
create view registry.v_registry_event as select * from registry.registry_event;
create view policy.v_program as select * from policy.program;
create view policy.v_entitlement_run as select * from policy.entitlement_run;
create view policy.v_entitlement as select * from policy.entitlement;
create view funds.v_ledger_entry as select * from funds.ledger_entry;
create view funds.v_budget_line as select * from funds.budget_line;
create view disbursement.v_batch as select * from disbursement.batch;
create view disbursement.v_batch_item as select * from disbursement.batch_item;
create view disbursement.v_objection as select * from disbursement.objection;
create view disbursement.v_statement_line as select * from disbursement.statement_line;
create view controls.v_finding as select * from controls.finding;
create view crosscheck.v_cross_check_hit as select * from crosscheck.cross_check_hit;

-- The application's rights follow the tables into their schemas.
do $$
declare
    s text;
begin
    if not exists (select from pg_roles where rolname = 'unionaid_app') then
        raise notice 'role unionaid_app does not exist: the application will run with the owner''s rights';
        return;
    end if;
    foreach s in array array['org', 'audit', 'registry', 'policy', 'funds', 'disbursement', 'controls', 'evaluation',
                             'crosscheck', 'platform']
    loop
        execute format('grant usage on schema %I to unionaid_app', s);
        execute format('grant select, insert, update, delete on all tables in schema %I to unionaid_app', s);
        execute format('grant usage, select, update on all sequences in schema %I to unionaid_app', s);
        execute format('grant execute on all functions in schema %I to unionaid_app', s);
        execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to unionaid_app', s);
        execute format('alter default privileges in schema %I grant usage, select, update on sequences to unionaid_app', s);
    end loop;
    -- Views are for reading.
    execute (select string_agg(format('revoke insert, update, delete on %I.%I from unionaid_app', schemaname, viewname), '; ')
               from pg_views where viewname like 'v\_%' and schemaname in ('org', 'registry', 'policy', 'funds',
                                                                          'disbursement', 'controls', 'crosscheck'));
    -- The audit log stays append-only for the application.
    revoke update, delete, truncate on audit.audit_log from unionaid_app;
end
$$;
