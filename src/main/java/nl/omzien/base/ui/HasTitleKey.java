package nl.omzien.base.ui;

import com.vaadin.flow.router.HasDynamicTitle;

/** A view whose heading and browser title come from one translation key. */
public interface HasTitleKey extends HasDynamicTitle {

    String titleKey();

    @Override
    default String getPageTitle() {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(titleKey()) + " · Omzien";
    }
}
