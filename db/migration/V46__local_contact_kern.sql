-- Issue 21: a local contact may serve one kern (village or district, seed 002 §6.2.3 "sociale kaart per kern").
-- Null: the whole municipality. Compared with people.organisation.village (same notion) case-insensitively.
alter table contacts.local_contact
    add column kern text check (kern is null or length(trim(kern)) between 2 and 100);
