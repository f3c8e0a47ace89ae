package nl.omzien.sessions;

/** What the trainer recorded for a participant. */
public enum Attendance {
    PRESENT, ABSENT, EXCUSED;

    public String translationKey() {
        return "attendance." + name();
    }
}
