package nl.omzien.base;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input a service refuses: per field, the translation key of the message the person should see.
 * Services validate on the server; forms show these messages next to the fields.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidInputException(Map<String, String> errors) {
        super("Invalid input: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** Collects the problems of one form, then throws them together. */
    public static final class Checks {
        private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Checks require(String field, Object value) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                errors.putIfAbsent(field, "validation.required");
            }
            return this;
        }

        public Checks length(String field, String value, int min, int max) {
            if (value != null && !value.isBlank() && (value.trim().length() < min || value.trim().length() > max)) {
                errors.putIfAbsent(field, "validation.length." + min + "." + max);
            }
            return this;
        }

        public Checks email(String field, String value) {
            if (value != null && !value.isBlank() && (!value.trim().matches(EMAIL) || value.trim().length() > 254
                    || !PlainText.isSingleLine(value))) {
                errors.putIfAbsent(field, "validation.email");
            }
            return this;
        }

        /** A name, title or other one-line text: no control characters, no bidi overrides ({@link PlainText}). */
        public Checks singleLine(String field, String value) {
            if (!PlainText.isSingleLine(value)) {
                errors.putIfAbsent(field, "validation.control-characters");
            }
            return this;
        }

        /** Free text over several lines: line breaks allowed, other control characters and bidi overrides not. */
        public Checks multiLine(String field, String value) {
            if (!PlainText.isMultiLine(value)) {
                errors.putIfAbsent(field, "validation.control-characters");
            }
            return this;
        }

        public Checks fail(String field, String messageKey, boolean when) {
            if (when) {
                errors.putIfAbsent(field, messageKey);
            }
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }
}
