package nl.omzien.requests.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.people.Audience;
import nl.omzien.requests.RequestDraft;
import nl.omzien.requests.TrainingRequestService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a training request, shared by the public form and the organisation contact's form (which leaves
 * out the organisation and contact fields: they come from the account). Every message comes from the service.
 */
class RequestFormFields extends Div {

    final TextField organisation = new TextField();
    final Select<Audience> audience = new Select<>();
    final IntegerField peopleCount = new IntegerField();
    final TextArea preferredPeriods = new TextArea();
    final TextField place = new TextField();
    final TextArea remarks = new TextArea();
    final TextField contactName = new TextField();
    final EmailField contactEmail = new EmailField();
    final Map<String, HasValidation> fields = new LinkedHashMap<>();

    RequestFormFields(boolean withContact) {
        addClassName("request-form");
        organisation.setLabel(getTranslation("requests.form.organisation"));
        organisation.setId("request-organisation");
        organisation.setMaxLength(150);
        organisation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.ORGANIZATION);
        audience.setLabel(getTranslation("requests.form.audience"));
        audience.setId("request-audience");
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("audience." + a.name()));
        peopleCount.setLabel(getTranslation("requests.form.people"));
        peopleCount.setId("request-people");
        peopleCount.setMin(1);
        peopleCount.setMax(TrainingRequestService.MAX_PEOPLE);
        peopleCount.setStepButtonsVisible(true);
        preferredPeriods.setLabel(getTranslation("requests.form.periods"));
        preferredPeriods.setHelperText(getTranslation("requests.form.periods-help"));
        preferredPeriods.setId("request-periods");
        preferredPeriods.setMaxLength(500);
        place.setLabel(getTranslation("requests.form.place"));
        place.setHelperText(getTranslation("requests.form.place-help"));
        place.setId("request-place");
        place.setMaxLength(300);
        remarks.setLabel(getTranslation("requests.form.remarks"));
        remarks.setId("request-remarks");
        remarks.setMaxLength(2000);
        contactName.setLabel(getTranslation("requests.form.contact-name"));
        contactName.setId("request-contact-name");
        contactName.setMaxLength(100);
        contactName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        contactEmail.setLabel(getTranslation("requests.form.contact-email"));
        contactEmail.setId("request-contact-email");
        contactEmail.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);
        for (com.vaadin.flow.component.HasSize field : java.util.List.<com.vaadin.flow.component.HasSize>of(organisation, preferredPeriods, place, remarks, contactName, contactEmail)) {
            field.setWidthFull();
        }
        audience.setWidthFull();
        if (withContact) {
            add(organisation);
            fields.put("organisation", organisation);
        }
        add(audience, peopleCount, preferredPeriods, place, remarks);
        fields.put("audience", audience);
        fields.put("peopleCount", peopleCount);
        fields.put("preferredPeriods", preferredPeriods);
        fields.put("place", place);
        fields.put("remarks", remarks);
        if (withContact) {
            add(contactName, contactEmail);
            fields.put("contactName", contactName);
            fields.put("contactEmail", contactEmail);
        }
    }

    RequestDraft draft() {
        return new RequestDraft(organisation.getValue(), audience.getValue(), peopleCount.getValue(), preferredPeriods.getValue(),
                place.getValue(), remarks.getValue(), contactName.getValue(), contactEmail.getValue());
    }
}
