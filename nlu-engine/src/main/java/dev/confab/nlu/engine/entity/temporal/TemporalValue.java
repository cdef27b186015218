package dev.confab.nlu.engine.entity.temporal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A resolved date, time or period, with the system entity it is reported as and its normalised (ISO 8601) form. */
sealed interface TemporalValue {

    DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    DateTimeFormatter DATE_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    String entity();

    String normalised();

    /** A calendar day: {@code date}, {@code 2022-03-16}. */
    record OnDate(LocalDate date) implements TemporalValue {
        public String entity() {
            return "date";
        }

        public String normalised() {
            return date.toString();
        }
    }

    /** A time of day without a day: {@code time}, {@code 18:35}. */
    record AtTime(LocalTime time) implements TemporalValue {
        public String entity() {
            return "time";
        }

        public String normalised() {
            return time.format(MINUTES);
        }
    }

    /** A time on a given day: {@code datetime}, {@code 2022-03-16T18:35}. */
    record AtDateTime(LocalDateTime dateTime) implements TemporalValue {
        public String entity() {
            return "datetime";
        }

        public String normalised() {
            return dateTime.format(DATE_MINUTES);
        }
    }

    /** Whole days, both ends included: {@code date_period}, {@code 2022-03-21/2022-03-27}. */
    record DateRange(LocalDate from, LocalDate to) implements TemporalValue {
        public String entity() {
            return "date_period";
        }

        public String normalised() {
            return from + "/" + to;
        }
    }

    /** A span of clock time: {@code time_period}, {@code 2022-03-15T06:00/2022-03-15T09:00}. */
    record TimeRange(LocalDateTime from, LocalDateTime to) implements TemporalValue {
        public String entity() {
            return "time_period";
        }

        public String normalised() {
            return from.format(DATE_MINUTES) + "/" + to.format(DATE_MINUTES);
        }
    }

    /** A length of time not anchored anywhere: {@code duration}, ISO 8601 such as {@code P11Y} or {@code PT8H}. */
    record Lasting(long amount, ChronoUnit unit) implements TemporalValue {
        public String entity() {
            return "duration";
        }

        public String normalised() {
            return switch (unit) {
                case MINUTES -> "PT" + amount + "M";
                case HOURS -> "PT" + amount + "H";
                case DAYS -> "P" + amount + "D";
                case WEEKS -> "P" + amount + "W";
                case MONTHS -> "P" + amount + "M";
                default -> "P" + amount + "Y";
            };
        }
    }
}
