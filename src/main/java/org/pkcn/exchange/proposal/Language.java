package org.pkcn.exchange.proposal;

import java.util.Locale;

/** A contact's preferred language for mail: English or Simplified Chinese. */
public enum Language {
    EN("en", Locale.ENGLISH), ZH("zh", Locale.SIMPLIFIED_CHINESE);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language with this code, or null for an unknown code. */
    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return language;
            }
        }
        return null;
    }
}
