package dev.confab.bundle.model;

/** The kind of value a slot holds, and so which system entity fills it by default. */
public enum SlotType {
    TEXT(null),
    NUMBER("number"),
    MONEY("money"),
    DATE("date"),
    TIME("time"),
    BOOLEAN(null),
    CATEGORY(null),
    EMAIL("email"),
    PHONE("phone"),
    IBAN("iban"),
    CARD_NUMBER("card_number");

    private final String systemEntity;

    SlotType(String systemEntity) {
        this.systemEntity = systemEntity;
    }

    /** The NLU system entity that fills this type when the slot names none, or {@code null}. */
    public String systemEntity() {
        return systemEntity;
    }
}
