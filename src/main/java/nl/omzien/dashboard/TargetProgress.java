package nl.omzien.dashboard;

/** A target with what has been reached so far. */
public record TargetProgress(Target target, long reached) {

    /** 0..1, capped at 1. */
    public double share() {
        return Math.min(1.0, (double) reached / target.target());
    }
}
