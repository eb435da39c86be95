package io.switchboard.channel;

/**
 * Contact ids are the platform's own user ids, so that what an agent sees is the address the platform
 * knows. Phone numbers are kept as E.164 with a leading '+' (WhatsApp sends digits only, Twilio sends
 * '+'), so one phone number is one contact on WhatsApp and SMS; Viber ids are base64 and may contain
 * '/' and '+', which do not fit in a URL path, so they are kept in the URL-safe alphabet.
 */
public final class ContactIds {

    private ContactIds() {
    }

    public static String phone(String number) {
        return "+" + number.replaceAll("[^0-9]", "");
    }

    /** The number without '+', as WhatsApp's API expects it. */
    public static String digits(String contactId) {
        return contactId.replaceAll("[^0-9]", "");
    }

    public static String fromViber(String viberId) {
        return viberId.replace('+', '-').replace('/', '_');
    }

    public static String toViber(String contactId) {
        return contactId.replace('-', '+').replace('_', '/');
    }
}
