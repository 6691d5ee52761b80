package org.pkcn.exchange.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.pkcn.exchange.identity.AccountLanguages;
import org.pkcn.exchange.identity.SignedInAccount;
import org.pkcn.exchange.proposal.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The portal speaks English or Simplified Chinese, as the user chooses ({@code ?lang=zh} on any page).
 * The choice is remembered in a cookie and, once signed in, as the account's language, which is also the
 * language of its mail and is restored at the next sign-in. Without a choice: the browser's, if Chinese.
 */
@Configuration(proxyBeanMethods = false)
class PortalLocale implements WebMvcConfigurer {

    static final String COOKIE = "exchange-language";
    static final String PARAMETER = "lang";

    private final AccountLanguages languages;

    PortalLocale(AccountLanguages languages) {
        this.languages = languages;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> languageOf(request.getLocale()).locale());
        return resolver;
    }

    static Language languageOf(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? Language.ZH : Language.EN;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ChooseLanguage()).addPathPatterns("/portal/**");
    }

    /** Applies {@code ?lang=}: to this response, the cookie, and the signed-in account. */
    private final class ChooseLanguage implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Language language = Language.ofCode(request.getParameter(PARAMETER));
            if (language != null) {
                localeResolver(request).setLocale(request, response, language.locale());
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (signedIn != null && signedIn.getPrincipal() instanceof SignedInAccount account) {
                    languages.choose(account.id(), language);
                }
            }
            return true;
        }

        private LocaleResolver localeResolver(HttpServletRequest request) {
            return (LocaleResolver) request.getAttribute(org.springframework.web.servlet.DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE);
        }
    }
}
