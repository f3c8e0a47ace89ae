-- Sectors a coalition adds to the 13 built-in ones (issue 21): housing corporations, village councils,
-- choirs, sports clubs, schools, food banks... Each names the training variant (audience) its staff get.
-- An organisation's sector is the built-in code (HOME_CARE ...) or the code of one of its own
-- municipality's added sectors ('C' and a number, so it can never collide with a built-in one).
create sequence people.coalition_sector_code_seq;
create table people.coalition_sector (
    code            text        primary key default ('C' || nextval('people.coalition_sector_code_seq')),
    municipality_id bigint      not null references people.municipality (id) on delete cascade,
    name_nl         text        not null check (length(trim(name_nl)) between 2 and 60),
    name_en         text        check (name_en is null or length(trim(name_en)) between 2 and 60),
    audience        text        not null check (audience in ('PROFESSIONAL', 'SHOP', 'CHURCH')),
    created_at      timestamptz not null default now()
);
alter sequence people.coalition_sector_code_seq owned by people.coalition_sector.code;
create unique index coalition_sector_name_uk on people.coalition_sector (municipality_id, lower(name_nl));

-- V1's fixed list of sectors goes; a trigger now accepts a built-in sector or one of the organisation's
-- own municipality (a check constraint cannot look at another table).
do $$
declare
    c text;
begin
    for c in select conname from pg_constraint
              where conrelid = 'people.organisation'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%sector%'
    loop
        execute format('alter table people.organisation drop constraint %I', c);
    end loop;
end $$;

create function people.organisation_sector_known() returns trigger language plpgsql as $$
begin
    if new.sector in ('HOME_CARE', 'GP_PRACTICE', 'SOCIAL_WORK', 'MUNICIPALITY',
                      'HAIRDRESSER', 'SUPERMARKET', 'BAKERY', 'PHARMACY', 'CAFE', 'SHOP', 'LIBRARY',
                      'CHURCH', 'VOLUNTEER')
       or exists (select 1 from people.coalition_sector s
                   where s.code = new.sector and s.municipality_id = new.municipality_id) then
        return new;
    end if;
    raise exception 'Sector % is not a sector of municipality %', new.sector, new.municipality_id
        using errcode = 'check_violation', constraint = 'organisation_sector_known';
end $$;

create trigger organisation_sector_known before insert or update of sector, municipality_id on people.organisation
    for each row execute function people.organisation_sector_known();
