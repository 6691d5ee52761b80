package org.pkcn.exchange.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.pkcn.exchange.identity.ApplicantRegistration;
import org.pkcn.exchange.identity.ApplicantRegistration.Registration;
import org.pkcn.exchange.identity.InvalidRegistrationException;
import org.pkcn.exchange.identity.TooManyAttemptsException;
import org.pkcn.exchange.proposal.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Signing in and opening an account. */
@Controller
class AccountController {

    private final ApplicantRegistration registration;
    private final FieldMessages fieldMessages;
    private final LocaleResolver localeResolver;

    AccountController(ApplicantRegistration registration, FieldMessages fieldMessages, LocaleResolver localeResolver) {
        this.registration = registration;
        this.fieldMessages = fieldMessages;
        this.localeResolver = localeResolver;
    }

    @GetMapping({"/portal", "/portal/"})
    String home(Authentication signedIn) {
        return signedIn == null ? "redirect:/portal/login" : "redirect:/portal/proposals";
    }

    @GetMapping("/portal/login")
    String login() {
        return "portal/login";
    }

    @GetMapping("/portal/register")
    String registerPage(Model model, Locale locale) {
        model.addAttribute("form", Map.of(ApplicantRegistration.LANGUAGE, PortalLocale.languageOf(locale).code()));
        return "portal/register";
    }

    @PostMapping("/portal/register")
    String register(@RequestParam Map<String, String> form, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            registration.register(new Registration(form.get(ApplicantRegistration.NAME),
                    form.get(ApplicantRegistration.ORGANISATION), form.get(ApplicantRegistration.EMAIL),
                    form.get(ApplicantRegistration.PASSWORD), form.get(ApplicantRegistration.LANGUAGE)),
                    request.getRemoteAddr());
        } catch (InvalidRegistrationException invalid) {
            model.addAttribute("errors", fieldMessages.of(invalid.errors(), locale));
            return again(model, form, response, HttpStatus.BAD_REQUEST);
        } catch (TooManyAttemptsException tooMany) {
            model.addAttribute("tooMany", true);
            return again(model, form, response, HttpStatus.TOO_MANY_REQUESTS);
        }
        Language chosen = Language.ofCode(form.get(ApplicantRegistration.LANGUAGE));
        localeResolver.setLocale(request, response, chosen.locale());
        redirect.addAttribute("registered", "");
        redirect.addAttribute("login", form.get(ApplicantRegistration.EMAIL).strip().toLowerCase(Locale.ROOT));
        return "redirect:/portal/login";
    }

    /** The page again, with what was typed, except the password. */
    private static String again(Model model, Map<String, String> form, HttpServletResponse response, HttpStatus status) {
        Map<String, String> typed = new HashMap<>(form);
        typed.remove(ApplicantRegistration.PASSWORD);
        typed.remove("_csrf");
        model.addAttribute("form", typed);
        response.setStatus(status.value());
        return "portal/register";
    }
}
