package org.pkcn.exchange.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.pkcn.exchange.identity.SignedInAccount;
import org.pkcn.exchange.proposal.Language;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows: who is signed in, the page's language and the way back to it in the other. */
@ControllerAdvice(assignableTypes = {AccountController.class, ProposalPagesController.class})
class PortalPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @ModelAttribute("account")
    SignedInAccount account(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
                ? account : null;
    }

    @ModelAttribute("language")
    String language(Locale locale) {
        return PortalLocale.languageOf(locale).code();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("format")
    Format format() {
        return new Format();
    }

    /** Dates as the pages show them. */
    static final class Format {
        public String at(Instant instant) {
            return instant == null ? "" : WHEN.format(instant);
        }

        public String day(Instant instant) {
            return instant == null ? "" : DAY.format(instant);
        }

        public String size(long bytes) {
            return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB"
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
    }

    static Language currentLanguage() {
        return PortalLocale.languageOf(LocaleContextHolder.getLocale());
    }
}
