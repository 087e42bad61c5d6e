-- Each archive's first 建档 date and first ending date, as kept by registry.on_file_refresh (V32) and compared with the
-- events every night, published for other modules: the control run's 虚列支出 check reads the first 建档 date of every
-- payee here instead of grouping millions of events once per run.
create view registry.v_on_file_span as select * from registry.on_file_span;

do $$
begin
    if exists (select from pg_roles where rolname = 'unionaid_app') then
        grant select on registry.v_on_file_span to unionaid_app;
    end if;
end
$$;
