package nl.omzien.sessions;

import nl.omzien.base.PersonId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.people.Audience;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A session being planned or edited in a form. Date and times are local (Europe/Amsterdam): the
 * service turns them into instants, so a session at 19:30 stays at 19:30 across a clock change.
 */
public class SessionDraft {
    private SessionId id;
    private String title = "";
    private Set<String> moduleIds = new LinkedHashSet<>();
    private Audience audience;
    private LocalDate date;
    private LocalTime startTime;
    private LocalTime endTime;
    private String location = "";
    private String onlineUrl = "";
    private Integer capacity = 12;
    private Integer minParticipants;
    private int goNoGoDays = 3;
    /** Days before the session at which sign-up closes; 0 means until the start. */
    private int deadlineDaysBefore = 1;
    private MunicipalityId municipalityId;
    private OrganisationId organisationId;
    private Set<PersonId> trainerIds = new LinkedHashSet<>();
    private String notes = "";
    /** PE-online's number for the session; null when not loaded (left as it is on save), blank for none. */
    private String accreditationNumber;

    public static SessionDraft of(TrainingSession session) {
        SessionDraft draft = new SessionDraft();
        draft.id = session.id();
        draft.title = session.title();
        draft.moduleIds = new LinkedHashSet<>(session.moduleIds());
        draft.audience = session.audience();
        LocalDateTime start = SessionTimes.local(session.startsAt()).toLocalDateTime();
        draft.date = start.toLocalDate();
        draft.startTime = start.toLocalTime();
        draft.endTime = SessionTimes.local(session.endsAt()).toLocalTime();
        draft.location = session.location() == null ? "" : session.location();
        draft.onlineUrl = session.onlineUrl() == null ? "" : session.onlineUrl();
        draft.capacity = session.capacity();
        draft.minParticipants = session.minParticipants();
        draft.goNoGoDays = session.goNoGoDays();
        LocalDate deadline = SessionTimes.local(session.registrationDeadline()).toLocalDate();
        draft.deadlineDaysBefore = (int) Math.max(0, deadline.until(draft.date).getDays());
        draft.municipalityId = session.municipalityId();
        draft.organisationId = session.organisationId();
        draft.trainerIds = new LinkedHashSet<>(session.trainerIds());
        draft.notes = session.notes() == null ? "" : session.notes();
        return draft;
    }

    /** A copy for another date, e.g. one occurrence of a series. */
    public SessionDraft onDate(LocalDate otherDate) {
        SessionDraft copy = of(this);
        copy.id = null;
        copy.date = otherDate;
        return copy;
    }

    private static SessionDraft of(SessionDraft other) {
        SessionDraft copy = new SessionDraft();
        copy.id = other.id;
        copy.title = other.title;
        copy.moduleIds = new LinkedHashSet<>(other.moduleIds);
        copy.audience = other.audience;
        copy.date = other.date;
        copy.startTime = other.startTime;
        copy.endTime = other.endTime;
        copy.location = other.location;
        copy.onlineUrl = other.onlineUrl;
        copy.capacity = other.capacity;
        copy.minParticipants = other.minParticipants;
        copy.goNoGoDays = other.goNoGoDays;
        copy.deadlineDaysBefore = other.deadlineDaysBefore;
        copy.municipalityId = other.municipalityId;
        copy.organisationId = other.organisationId;
        copy.trainerIds = new LinkedHashSet<>(other.trainerIds);
        copy.notes = other.notes;
        copy.accreditationNumber = other.accreditationNumber;
        return copy;
    }

    public SessionId getId() { return id; }
    public String getTitle() { return title; }
    public SessionDraft setTitle(String title) { this.title = title; return this; }
    public Set<String> getModuleIds() { return moduleIds; }
    public SessionDraft setModuleIds(Set<String> moduleIds) { this.moduleIds = moduleIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(moduleIds); return this; }
    public Audience getAudience() { return audience; }
    public SessionDraft setAudience(Audience audience) { this.audience = audience; return this; }
    public LocalDate getDate() { return date; }
    public SessionDraft setDate(LocalDate date) { this.date = date; return this; }
    public LocalTime getStartTime() { return startTime; }
    public SessionDraft setStartTime(LocalTime startTime) { this.startTime = startTime; return this; }
    public LocalTime getEndTime() { return endTime; }
    public SessionDraft setEndTime(LocalTime endTime) { this.endTime = endTime; return this; }
    public String getLocation() { return location; }
    public SessionDraft setLocation(String location) { this.location = location; return this; }
    public String getOnlineUrl() { return onlineUrl; }
    public SessionDraft setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; return this; }
    public Integer getCapacity() { return capacity; }
    public SessionDraft setCapacity(Integer capacity) { this.capacity = capacity; return this; }
    public Integer getMinParticipants() { return minParticipants; }
    public SessionDraft setMinParticipants(Integer minParticipants) { this.minParticipants = minParticipants; return this; }
    public int getGoNoGoDays() { return goNoGoDays; }
    public SessionDraft setGoNoGoDays(int goNoGoDays) { this.goNoGoDays = goNoGoDays; return this; }
    public int getDeadlineDaysBefore() { return deadlineDaysBefore; }
    public SessionDraft setDeadlineDaysBefore(int deadlineDaysBefore) { this.deadlineDaysBefore = deadlineDaysBefore; return this; }
    public MunicipalityId getMunicipalityId() { return municipalityId; }
    public SessionDraft setMunicipalityId(MunicipalityId municipalityId) { this.municipalityId = municipalityId; return this; }
    public OrganisationId getOrganisationId() { return organisationId; }
    public SessionDraft setOrganisationId(OrganisationId organisationId) { this.organisationId = organisationId; return this; }
    public Set<PersonId> getTrainerIds() { return trainerIds; }
    public SessionDraft setTrainerIds(Set<PersonId> trainerIds) { this.trainerIds = trainerIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(trainerIds); return this; }
    public String getNotes() { return notes; }
    public SessionDraft setNotes(String notes) { this.notes = notes; return this; }
    public String getAccreditationNumber() { return accreditationNumber; }
    public SessionDraft setAccreditationNumber(String accreditationNumber) { this.accreditationNumber = accreditationNumber; return this; }

}
