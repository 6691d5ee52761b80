package org.pkcn.exchange.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.pkcn.exchange.proposal.FieldError;
import org.pkcn.exchange.proposal.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applicants open their own account: in the engine's identity store, in group {@code applicants}, so the
 * same account signs in to the portal, the API and (should they ever need it) the Tasklist. The engine
 * stores the password as a salted hash. The account id is made from the e-mail address; people sign in
 * with the address. Registrations are limited per client address.
 */
@Service
public class ApplicantRegistration {

    /** What someone registering tells us. {@code language} is en or zh. */
    public record Registration(String name, String organisation, String email, String password, String language) {

        @Override
        public String toString() {
            return "Registration[name=" + name + ", organisation=" + organisation + ", email=" + email
                    + ", password=(hidden), language=" + language + "]";
        }
    }

    public static final String NAME = "name";
    public static final String ORGANISATION = "organisation";
    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";
    public static final String LANGUAGE = "language";
    public static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;
    static final String ORGANISATION_INFO = "organisation";

    private static final Logger log = LoggerFactory.getLogger(ApplicantRegistration.class);
    private static final Pattern EMAIL_FORM = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final IdentityService identityService;
    private final AttemptLimiter registrations;

    ApplicantRegistration(IdentityService identityService, Clock clock,
            @Value("${exchange.portal.registrations-per-address:5}") int perAddress,
            @Value("${exchange.portal.registration-window:PT1H}") Duration window) {
        this.identityService = identityService;
        this.registrations = new AttemptLimiter(perAddress, window, clock);
    }

    /**
     * Opens the account and returns its id; refuses with every field's problem at once, or when this
     * address registered too often lately. Nothing is stored unless everything is.
     */
    @Transactional
    public String register(Registration registration, String clientAddress) {
        String key = "address:" + clientAddress;
        if (registrations.exhausted(key)) {
            throw new TooManyAttemptsException(registrations.retryAfter(key));
        }
        List<FieldError> errors = new ArrayList<>();
        String name = text(errors, NAME, registration.name(), 200);
        String organisation = text(errors, ORGANISATION, registration.organisation(), 200);
        String email = email(errors, registration.email());
        String password = registration.password() == null ? "" : registration.password();
        if (password.isBlank()) {
            errors.add(new FieldError(PASSWORD, "required", "is required"));
        } else if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            errors.add(new FieldError(PASSWORD, "password-length", "must have " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters"));
        } else if (email != null && password.toLowerCase(Locale.ROOT).contains(email.substring(0, email.indexOf('@')))) {
            errors.add(new FieldError(PASSWORD, "password-guessable", "must not contain your e-mail address"));
        }
        Language language = Language.ofCode(registration.language());
        if (language == null) {
            errors.add(new FieldError(LANGUAGE, "unknown-choice", "must be en or zh"));
        }
        if (email != null && identityService.createUserQuery().userEmail(email).count() > 0) {
            errors.add(new FieldError(EMAIL, "taken", "already has an account: sign in, or use another address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRegistrationException(errors);
        }
        registrations.record(key);
        return asApplication(() -> create(name, organisation, email, password, language));
    }

    private String create(String name, String organisation, String email, String password, Language language) {
        String id = freeIdFor(email);
        User user = identityService.newUser(id);
        user.setFirstName(name);
        user.setLastName("");
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.setUserInfo(id, ORGANISATION_INFO, organisation);
        identityService.setUserInfo(id, CamundaGroupDirectory.LANGUAGE, language.code());
        identityService.createMembership(id, ProgrammeGroups.APPLICANTS);
        log.info("Registered applicant account '{}'", id);
        return id;
    }

    /** An id such as sara.ahmed (or sara.ahmed-2): the e-mail's local part in the engine's allowed characters. */
    private String freeIdFor(String email) {
        String base = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-")
                .replaceAll("^[^a-z0-9]+", "");
        base = base.isEmpty() ? "applicant" : base.substring(0, Math.min(base.length(), 48));
        String id = base;
        for (int n = 2; identityService.createUserQuery().userId(id).count() > 0; n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", "is required"));
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.add(new FieldError(field, "too-long", "must be at most " + max + " characters (it has "
                    + text.length() + ")"));
            return null;
        }
        return text;
    }

    private static String email(List<FieldError> errors, String value) {
        String email = text(errors, EMAIL, value, 254);
        if (email != null && !EMAIL_FORM.matcher(email).matches()) {
            errors.add(new FieldError(EMAIL, "email", "must be an e-mail address such as name@example.org"));
            return null;
        }
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    private <T> T asApplication(java.util.function.Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }
}
