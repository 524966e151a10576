package org.evcharging.central.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.evcharging.central.application.accounts.SignInThrottle;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;

/**
 * HTTP Basic sign-in of operators against the accounts in the database, for the API, the panel
 * and the console. Failed sign-ins are counted by the {@link SignInThrottle}; while it refuses,
 * the answer is 429 even for the right password. Failures and refusals are audited each time; a
 * success once per account and source per quiet period (Basic repeats it on every request).
 */
@ApplicationScoped
public class OperatorAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "EV Charging Central";
    private static final String SIGN_IN = "signin";

    @Inject
    CredentialCheck credentials;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityConfig config;

    Clock clock = Clock.systemUTC();

    private final Map<String, Instant> lastAuditedSignIn = new ConcurrentHashMap<>();

    private record Basic(String username, String password) {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? challenge(response, context) : context.doNothing();
        }
        String source = SourceAddress.of(request);
        Optional<Basic> basic = parse(header.substring(6).strip());
        if (basic.isEmpty()) {
            audit.record(AuditEntry.refused("anonymous", source, SIGN_IN, null, "malformed Basic credentials"));
            return challenge(response, context);
        }
        String username = basic.get().username();
        Optional<Duration> wait = throttle.refusedFor(source, username);
        if (wait.isPresent()) {
            audit.record(AuditEntry.refused(username, source, SIGN_IN, null,
                    "rate limited: too many failed sign-ins, retry in " + seconds(wait.get()) + " s"));
            return tooManyAttempts(response, wait.get());
        }
        Optional<CredentialCheck.SignedIn> who = credentials.check(username, basic.get().password());
        if (who.isEmpty()) {
            throttle.failed(source, username);
            audit.record(AuditEntry.refused(username, source, SIGN_IN, null, "wrong username or password, or disabled"));
            return challenge(response, context);
        }
        throttle.succeeded(username);
        auditSuccess(who.get(), source);
        return context.notifyContainerAboutLogin(who.get().username(), Set.copyOf(who.get().role().grantedRoleNames()));
    }

    private void auditSuccess(CredentialCheck.SignedIn who, String source) {
        Instant now = clock.instant();
        String key = who.username() + '@' + source;
        Instant last = lastAuditedSignIn.get(key);
        if (last == null || !now.isBefore(last.plus(config.signInAuditQuiet()))) {
            lastAuditedSignIn.put(key, now);
            audit.record(AuditEntry.done(who.username(), source, SIGN_IN, "role=" + who.role().roleName()));
        }
    }

    private static Optional<Basic> parse(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        SecurityHeaders.apply(response);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, Duration wait) {
        try {
            SecurityHeaders.apply(response);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds(wait)));
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"Too many failed"
                    + " sign-ins: try again in " + seconds(wait) + " s\"}");
            response.flushBuffer();
        } catch (IOException e) {
            // The caller went away: it is refused either way.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
