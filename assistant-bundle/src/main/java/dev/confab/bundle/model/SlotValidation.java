package dev.confab.bundle.model;

import java.math.BigDecimal;

/**
 * Rules a slot value must meet; {@code response} says what is wrong when it does not.
 *
 * @param pattern regular expression the whole value must match
 * @param min     smallest number or amount accepted
 * @param max     largest number or amount accepted
 */
public record SlotValidation(String pattern, BigDecimal min, BigDecimal max, String response) {
}
