package io.switchboard.channel;

import java.util.Locale;

/** The text an agent reads for a message that is not plain text. */
public final class Renderings {

    private Renderings() {
    }

    /** The caption when there is one, else "[image]", "[file report.pdf]"... */
    public static String media(String kind, String caption, String fileName) {
        if (caption != null && !caption.isBlank()) {
            return caption;
        }
        return fileName == null || fileName.isBlank() ? "[" + kind + "]" : "[" + kind + " " + fileName + "]";
    }

    public static String location(double latitude, double longitude, String name) {
        String at = String.format(Locale.ROOT, "[location %s,%s", trim(latitude), trim(longitude));
        return name == null || name.isBlank() ? at + "]" : at + " " + name + "]";
    }

    public static String contact(String name, String phone) {
        StringBuilder s = new StringBuilder("[contact");
        if (name != null && !name.isBlank()) {
            s.append(' ').append(name);
        }
        if (phone != null && !phone.isBlank()) {
            s.append(' ').append(phone);
        }
        return s.append(']').toString();
    }

    public static String unsupported(String type) {
        return "[" + (type == null || type.isBlank() ? "unsupported" : type) + " message]";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
