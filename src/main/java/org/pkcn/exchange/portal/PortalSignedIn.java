package org.pkcn.exchange.portal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pkcn.exchange.identity.AccountLanguages;
import org.pkcn.exchange.identity.SignedInAccount;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** After signing in to the portal: the account's language, then the page asked for (else "My proposals"). */
@Component("portalSignedIn")
class PortalSignedIn extends SavedRequestAwareAuthenticationSuccessHandler {

    private final AccountLanguages languages;
    private final LocaleResolver localeResolver;

    PortalSignedIn(AccountLanguages languages, @Lazy LocaleResolver localeResolver) {
        this.languages = languages;
        this.localeResolver = localeResolver;
        setDefaultTargetUrl("/portal/proposals");
        setAlwaysUseDefaultTargetUrl(false);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        languages.of(SignedInAccount.of(authentication).id())
                .ifPresent(language -> localeResolver.setLocale(request, response, language.locale()));
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
