-- Who deployed each version of the models, from where, and the migrations of running proposals between versions
-- (deployment package). Numbered 20 to leave 2..19 to the registry's own changes. H2 and PostgreSQL.

-- One line per deployment of the model set: the engine keeps the files and the time, this keeps the rest.
create table model_deployment (
    deployment_id    varchar(64)   primary key,
    deployment_name  varchar(255)  not null,
    source           varchar(16)   not null,
    origin           varchar(1000) not null,
    deployed_by      varchar(64),
    deployed_at      timestamp(6) with time zone not null,
    checksum         varchar(64)   not null
);

create index model_deployment_source_idx on model_deployment (deployment_name, source, deployed_at);

-- A single row, locked while a set is compared with the newest version and deployed, so two nodes (or two
-- administrators) deploying the same set at once create one version, not two.
create table model_set_lock (
    id integer primary key
);

insert into model_set_lock (id) values (1);

-- A migration of running proposals from one version to another, run by the engine as a batch.
create table model_migration (
    batch_id              varchar(64)  primary key,
    source_definition_id  varchar(64)  not null,
    target_definition_id  varchar(64)  not null,
    requested_by          varchar(64),
    requested_at          timestamp(6) with time zone not null
);

-- Each running instance considered: planned (handed to the batch) or not, and why not.
create table model_migration_instance (
    batch_id             varchar(64)   not null references model_migration (batch_id),
    process_instance_id  varchar(64)   not null,
    business_key         varchar(255),
    planned              boolean       not null,
    reason               varchar(4000),
    primary key (batch_id, process_instance_id)
);
