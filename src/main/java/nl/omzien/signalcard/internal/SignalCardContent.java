package nl.omzien.signalcard.internal;

import nl.omzien.training.content.Text;

import java.util.List;

/**
 * The texts of the signal card, read from {@code modules/signaleringskaart.yaml}. Every item names the
 * module step it summarises ({@code from}), checked at startup, so the card teaches nothing the modules do not.
 */
public record SignalCardContent(Text title, Text intro, Section signals, Section tips, Section steps, Section national) {

    /** A titled list, with optional notes under it. */
    public record Section(Text title, List<Item> items, List<Item> notes) {
    }

    /** {@code title} may be null for a note; {@code from} is "module/step". */
    public record Item(String from, Text title, Text text) {
    }
}
