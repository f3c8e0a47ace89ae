package nl.omzien.signalcard;

/** How the card is printed: a sheet to hang up, or A4 landscape folded in two to stand on a counter. */
public enum SignalCardFormat {
    A4, COUNTER
}
