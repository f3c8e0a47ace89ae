-- Omzien-partners that can show it (issue 21, decision 027). An organisation becomes a partner on the
-- day it first meets its coalition's rule (share of staff trained, minimum trained); that day is recorded
-- here by the application (with its clock) in the transaction of the event that made the rule met. The
-- status holds while the rule is met and until valid_until (the coalition's validity, 2 years by default);
-- after that the coalition lead renews it. public_id is the random id in the public page's address (the
-- sticker's QR code), so the database id is not shown and the pages cannot be counted through.
alter table dashboard.coalition_settings
    add column partner_validity_months int     not null default 24 check (partner_validity_months between 1 and 120),
    add column public_partner_list     boolean not null default true;

create table dashboard.partner (
    organisation_id bigint primary key,
    public_id       text   not null check (public_id ~ '^[A-Za-z0-9_-]{20,64}$'),
    since           date   not null,
    valid_until     date   not null,
    renewed_on      date,
    check (valid_until >= since)
);
create unique index partner_public_id_uk on dashboard.partner (public_id);

-- Organisations that meet their rule already (on a database with data): partners from today, the best known day.
insert into dashboard.partner (organisation_id, public_id, since, valid_until)
select o.organisation_id, replace(gen_random_uuid()::text, '-', ''), current_date,
       (current_date + make_interval(months => coalesce(c.partner_validity_months, 24)) - interval '1 day')::date
  from dashboard.dashboard_organisation o
  join dashboard.dashboard_staff s on s.organisation_id = o.organisation_id
  left join dashboard.coalition_settings c on c.municipality_id = o.municipality_id
 where s.staff > 0
   and o.trained_total >= coalesce(c.partner_min_trained, 1)
   and o.trained_total * 100 >= coalesce(c.partner_share_percent, 75) * s.staff;
