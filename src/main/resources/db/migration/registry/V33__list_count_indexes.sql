-- A registry list counts its matches up to 1,001 within the reader's unions on every page. These indexes hold each
-- filter beside the union, so such a count reads the index alone instead of the rows (the scale harness, 100,000 model
-- workers: a city's count 29 ms -> 0.9 ms, the deceased 23 ms -> 0.7 ms, an honour 11 ms -> 0.7 ms; households had no
-- index by region or category at all). A city or province is searched as the range of its codes (RegistryQueries).
create index model_worker_region_org on registry.model_worker (region_code, org_id);
drop index registry.model_worker_region_idx;
create index model_worker_honour_org on registry.model_worker (honour, org_id);
create index model_worker_deceased on registry.model_worker (org_id) where not living;
create index model_worker_revoked on registry.model_worker (org_id) where not honour_kept;
create index model_worker_closed on registry.model_worker (org_id) where not archive_open;
create index household_region_org on registry.household (region_code, org_id);
create index household_category_org on registry.household (category, org_id);
create index household_status_org on registry.household (status, org_id);
