package nl.omzien.people.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.base.Translations;
import nl.omzien.people.MailRecipient;
import nl.omzien.people.PersonFacts;
import nl.omzien.people.UserAccount;
import nl.omzien.people.UserDraft;
import nl.omzien.security.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;

@Repository
public class JooqUserAccountRepository {

    private final DSLContext db;

    JooqUserAccountRepository(DSLContext db) {
        this.db = db;
    }

    /** Accounts whose own or organisation's municipality is {@code municipalityId}; all when null. */
    public List<UserAccount> findInMunicipality(MunicipalityId municipalityId) {
        Condition scope = municipalityId == null ? noCondition()
                : coalesce(APP_USER.MUNICIPALITY_ID, ORGANISATION.MUNICIPALITY_ID).eq(municipalityId);
        // Deleted (anonymised) accounts are nobody any more: nothing to manage.
        return fetch(scope.and(APP_USER.ANONYMISED_AT.isNull()));
    }

    public List<UserAccount> findInOrganisation(OrganisationId organisationId) {
        return fetch(APP_USER.ORGANISATION_ID.eq(organisationId).and(APP_USER.ANONYMISED_AT.isNull()));
    }

    public Optional<UserAccount> findById(PersonId id) {
        return fetch(APP_USER.ID.eq(id)).stream().findFirst();
    }

    public Optional<MailRecipient> mailRecipient(PersonId userId) {
        return db.select(APP_USER.EMAIL, APP_USER.FULL_NAME, APP_USER.LOCALE, APP_USER.ENABLED)
                .from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new MailRecipient(userId, r.value1(), r.value2(),
                        Translations.supported(Locale.of(r.value3())), r.value4()));
    }

    public Optional<PersonFacts> facts(PersonId userId) {
        return factsQuery().where(APP_USER.ID.eq(userId)).fetchOptional(this::toFacts);
    }

    public List<PersonFacts> enabledFacts(OrganisationId organisationId) {
        return factsQuery().where(APP_USER.ORGANISATION_ID.eq(organisationId)).and(APP_USER.ENABLED.isTrue())
                .orderBy(APP_USER.FULL_NAME).fetch(this::toFacts);
    }

    private org.jooq.SelectOnConditionStep<org.jooq.Record7<PersonId, String, String, String, OrganisationId, MunicipalityId, Boolean>> factsQuery() {
        return db.select(APP_USER.ID, APP_USER.FULL_NAME, APP_USER.EMAIL, APP_USER.LOCALE, APP_USER.ORGANISATION_ID,
                        coalesce(APP_USER.MUNICIPALITY_ID, ORGANISATION.MUNICIPALITY_ID), APP_USER.ENABLED)
                .from(APP_USER).leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID));
    }

    private PersonFacts toFacts(org.jooq.Record7<PersonId, String, String, String, OrganisationId, MunicipalityId, Boolean> r) {
        return new PersonFacts(r.value1(), r.value2(), r.value3(), Locale.of(r.value4()), r.value5(), r.value6(), r.value7());
    }

    public boolean emailTaken(String email, PersonId exceptId) {
        Condition condition = lower(APP_USER.EMAIL).eq(email.trim().toLowerCase());
        if (exceptId != null) {
            condition = condition.and(APP_USER.ID.ne(exceptId));
        }
        return db.fetchExists(APP_USER, condition);
    }

    public PersonId insert(UserDraft draft, String passwordHash) {
        PersonId id = db.insertInto(APP_USER)
                .set(APP_USER.FULL_NAME, draft.getFullName().trim())
                .set(APP_USER.EMAIL, draft.getEmail().trim())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ORGANISATION_ID, draft.getOrganisation() == null ? null : draft.getOrganisation().id())
                .set(APP_USER.MUNICIPALITY_ID, draft.getMunicipality() == null ? null : draft.getMunicipality().id())
                .set(APP_USER.ENABLED, draft.isEnabled())
                .returning(APP_USER.ID).fetchOne().getId();
        replaceRoles(id, draft.getRoles());
        return id;
    }

    /**
     * A participant who registered themselves. The unique index on lower(email) decides between two
     * submits of the same address at once: the second inserts nothing.
     *
     * @return the new account's id, or empty when the address already has an account
     */
    public java.util.Optional<PersonId> insertParticipantUnlessTaken(String fullName, String email, OrganisationId organisationId,
                                                                 String locale) {
        var id = db.insertInto(APP_USER)
                .set(APP_USER.FULL_NAME, fullName.trim())
                .set(APP_USER.EMAIL, email.trim())
                .set(APP_USER.ORGANISATION_ID, organisationId)
                .set(APP_USER.LOCALE, locale)
                .onConflictDoNothing()
                .returning(APP_USER.ID).fetchOptional(APP_USER.ID);
        id.ifPresent(userId -> db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, userId)
                .set(USER_ROLE.ROLE, Role.PARTICIPANT.name()).execute());
        return id;
    }

    /** A walk-in (issue 20): a participant of the organisation, without password, perhaps without e-mail. */
    public PersonId insertWalkIn(String fullName, String email, OrganisationId organisationId, PersonId addedBy) {
        PersonId id = db.insertInto(APP_USER)
                .set(APP_USER.FULL_NAME, fullName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.ORGANISATION_ID, organisationId)
                .set(APP_USER.WALK_IN_ADDED_BY, addedBy)
                .returning(APP_USER.ID).fetchOne().getId();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, Role.PARTICIPANT.name()).execute();
        return id;
    }

    public record WalkInRow(PersonId id, String email, OrganisationId organisationId, PersonId mergedInto) {
    }

    /** The walk-in, locked for the rest of the transaction; empty for anyone not added at the door. */
    public Optional<WalkInRow> lockWalkIn(PersonId id) {
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.ORGANISATION_ID, APP_USER.MERGED_INTO).from(APP_USER)
                .where(APP_USER.ID.eq(id), APP_USER.WALK_IN_ADDED_BY.isNotNull().or(APP_USER.MERGED_INTO.isNotNull()))
                .forUpdate().fetchOptional(r -> new WalkInRow(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public void setWalkInEmail(PersonId id, String email) {
        db.update(APP_USER).set(APP_USER.EMAIL, email).where(APP_USER.ID.eq(id)).execute();
    }

    /** The walk-in joined {@code into}: disabled, out of their organisation, pointing at the account that stays. */
    public void markMerged(PersonId id, PersonId into) {
        db.update(APP_USER).set(APP_USER.MERGED_INTO, into).set(APP_USER.ENABLED, false)
                .set(APP_USER.ORGANISATION_ID, (OrganisationId) null).where(APP_USER.ID.eq(id)).execute();
    }

    public Optional<PersonId> idByEmail(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(lower(APP_USER.EMAIL).eq(email.trim().toLowerCase()))
                .fetchOptional(APP_USER.ID);
    }

    /**
     * Takes a person out of {@code organisationId} into its municipality (so open sessions stay theirs to book);
     * false when they were no longer in it (a second click, another tab).
     */
    public boolean leaveOrganisation(PersonId userId, OrganisationId organisationId, MunicipalityId municipalityId) {
        return db.update(APP_USER).set(APP_USER.ORGANISATION_ID, (OrganisationId) null).set(APP_USER.MUNICIPALITY_ID, municipalityId)
                .where(APP_USER.ID.eq(userId), APP_USER.ORGANISATION_ID.eq(organisationId)).execute() == 1;
    }

    /** Puts a participant who has no organisation yet into one; false when they already have one. */
    public boolean joinOrganisation(PersonId userId, OrganisationId organisationId) {
        return db.update(APP_USER).set(APP_USER.ORGANISATION_ID, organisationId)
                .where(APP_USER.ID.eq(userId), APP_USER.ORGANISATION_ID.isNull()).execute() == 1;
    }

    public void update(UserDraft draft, String newPasswordHash) {
        var update = db.update(APP_USER)
                .set(APP_USER.FULL_NAME, draft.getFullName().trim())
                .set(APP_USER.EMAIL, draft.getEmail().trim())
                .set(APP_USER.ORGANISATION_ID, draft.getOrganisation() == null ? null : draft.getOrganisation().id())
                .set(APP_USER.MUNICIPALITY_ID, draft.getMunicipality() == null ? null : draft.getMunicipality().id())
                .set(APP_USER.ENABLED, draft.isEnabled());
        if (newPasswordHash != null) {
            update = update.set(APP_USER.PASSWORD_HASH, newPasswordHash);
        }
        update.where(APP_USER.ID.eq(draft.getId())).execute();
        replaceRoles(draft.getId(), draft.getRoles());
    }

    private void replaceRoles(PersonId userId, Set<Role> roles) {
        db.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).execute();
        for (Role role : roles) {
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, userId).set(USER_ROLE.ROLE, role.name()).execute();
        }
    }

    private List<UserAccount> fetch(Condition condition) {
        var rows = db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.FULL_NAME, APP_USER.ORGANISATION_ID, ORGANISATION.NAME,
                        coalesce(APP_USER.MUNICIPALITY_ID, ORGANISATION.MUNICIPALITY_ID).as("municipality_id"),
                        MUNICIPALITY.NAME, APP_USER.ENABLED)
                .from(APP_USER)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                .leftJoin(MUNICIPALITY).on(MUNICIPALITY.ID.eq(coalesce(APP_USER.MUNICIPALITY_ID, ORGANISATION.MUNICIPALITY_ID)))
                .where(condition)
                .orderBy(APP_USER.FULL_NAME)
                .fetch();
        List<PersonId> ids = rows.map(r -> r.value1());
        Map<PersonId, Set<Role>> roles = db.select(USER_ROLE.USER_ID, USER_ROLE.ROLE).from(USER_ROLE)
                .where(USER_ROLE.USER_ID.in(ids))
                .fetchGroups(USER_ROLE.USER_ID, USER_ROLE.ROLE).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> toRoles(e.getValue())));
        return rows.map(r -> new UserAccount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                r.value6(), r.value7(), roles.getOrDefault(r.value1(), Set.of()), r.value8()));
    }

    private static Set<Role> toRoles(List<String> names) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }
}
