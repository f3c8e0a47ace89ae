/**
 * The people feature's Vaadin components that other features' views may use. A named interface because
 * features may only reach another feature's root package and the packages it names (ModularityTests);
 * people's own views stay in {@code ui}, out of reach.
 */
@NamedInterface("chooser")
package nl.omzien.people.chooser;

import org.springframework.modulith.NamedInterface;
