-- A refused upload is deleted after its keeping time; its job stays, without a file.
alter table import_job alter column file_key drop not null;
