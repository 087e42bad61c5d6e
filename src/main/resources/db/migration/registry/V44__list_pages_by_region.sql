-- A registry list filtered by a county shows its first 50 rows in id order. With the region index holding
-- (region_code, org_id), PostgreSQL walked the whole register's primary key and threw away every row of other
-- counties: at 1,000,000 model workers a county's first page read 7,100 rows to keep 51 (16 ms, on the held scale
-- harness database). Keyed (region_code, id), the index hands the county's rows over in the page's order (0.7 ms);
-- the union stays beside each entry, so a count within the reader's unions still reads the index alone (V33).
create index model_worker_region_list on registry.model_worker (region_code, id) include (org_id);
drop index registry.model_worker_region_org;
create index household_region_list on registry.household (region_code, id) include (org_id);
drop index registry.household_region_org;
