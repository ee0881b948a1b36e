package dev.baton.input;

/** Thrown when a setting, usually given as a flag, is out of its range or does not fit the data at hand. */
public final class InvalidSettingException extends BadInputException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
