package nl.omzien.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A staff list as it shows on a phone: one column, each item a title in full and a line or two
 * below it, and the whole item is one tap target that opens it. Shown next to the view's grid; the
 * theme (omzien.css: narrow-only, wide-only) shows the grid on a laptop and this on a phone.
 *
 * @param <T> the item type
 */
public class TapList<T> extends UnorderedList {

    private final Function<T, String> title;
    private final Function<T, List<String>> details;
    private Function<T, Component> opener = item -> new Div();
    private Function<T, String> itemId = item -> null;
    private Function<T, Component> extra = item -> null;

    /**
     * @param id      element id of the list
     * @param label   accessible name of the list (the same as the grid's)
     * @param title   the item's main text, shown in full
     * @param details smaller lines under the title; blank lines are left out
     */
    public TapList(String id, String label, Function<T, String> title, Function<T, List<String>> details) {
        this.title = title;
        this.details = details;
        setId(id);
        addClassNames("narrow-only", "tap-list");
        getElement().setAttribute("aria-label", label);
    }

    /** A tap opens the item in place (a dialog): each item is a button. */
    public TapList<T> onTap(Consumer<T> open) {
        opener = item -> {
            NativeButton button = new NativeButton();
            button.addClickListener(click -> open.accept(item));
            return button;
        };
        return this;
    }

    /** A tap goes to the item's page: each item is a link (a RouterLink or Anchor), so it opens in a new tab too. */
    public <L extends Component & HasComponents> TapList<T> linkTo(Function<T, L> link) {
        opener = link::apply;
        return this;
    }

    /** Element ids of the items, for tests and in-page links. */
    public TapList<T> itemIds(Function<T, String> itemId) {
        this.itemId = itemId;
        return this;
    }

    /**
     * Something the item offers besides opening it (a download link): shown under the item, outside its
     * tap target, because a link inside a button or another link is neither valid nor reachable.
     */
    public TapList<T> extra(Function<T, Component> extra) {
        this.extra = extra;
        return this;
    }

    public void setItems(Collection<T> items) {
        removeAll();
        for (T item : items) {
            Component holder = opener.apply(item);
            holder.getElement().getClassList().add("tap-item");
            String id = itemId.apply(item);
            if (id != null) {
                holder.setId(id);
            }
            Span main = new Span(Objects.toString(title.apply(item), ""));
            main.addClassName("tap-item-title");
            HasComponents container = (HasComponents) holder;
            container.add(main);
            for (String line : details.apply(item)) {
                if (line != null && !line.isBlank()) {
                    Span meta = new Span(line);
                    meta.addClassName("tap-item-meta");
                    container.add(meta);
                }
            }
            ListItem row = new ListItem(holder);
            Component more = extra.apply(item);
            if (more != null) {
                more.getElement().getClassList().add("tap-item-extra");
                row.add(more);
            }
            add(row);
        }
    }
}
