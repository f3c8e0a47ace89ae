package nl.omzien.dashboard.internal;

import java.util.List;

/** The measure names of db/migration/V8__dashboard.sql (see its header for what each counts). */
public final class Measures {

    public static final String TRAINED = "TRAINED";
    public static final String PATH = "PATH";
    public static final String STARTED = "STARTED";
    public static final String MODULE = "MODULE";
    public static final String CONF_PRE = "CONF_PRE";
    public static final String CONF_POST = "CONF_POST";
    public static final String HELD = "HELD";
    public static final String SEATS = "SEATS";
    public static final String PRESENT = "PRESENT";
    public static final String EVAL = "EVAL";
    public static final String TRAINED_SECTOR = "TRAINED_SECTOR";
    public static final String TRAINED_VILLAGE = "TRAINED_VILLAGE";
    /** How a trained person was trained (V37): dim ONLINE, GROUP or BOTH. */
    public static final String TRAINED_HOW = "TRAINED_HOW";

    public static final List<String> HEADLINE = List.of(TRAINED, STARTED, HELD, SEATS, PRESENT, EVAL, CONF_PRE, CONF_POST);

    private Measures() {
    }
}
