package io.athanor.orm.error;

/**
 * A setting given to a builder is invalid: a negative size, an unknown URL scheme, a timeout out of
 * range. Thrown by {@code build()}, never later; the message names the setting, the value given and
 * the allowed range.
 */
public class ConfigurationException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the setting and its allowed values. */
    public ConfigurationException(String message) {
        super(message);
    }
}
