package org.evcharging.driver.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * Jakarta Security's view of driver accounts: a driver is who Central says the password belongs
 * to. Why a sign-in failed (wrong password, too many attempts, Central unreachable) is kept for
 * the page in {@link SignInProblem}.
 */
@ApplicationScoped
public class CentralIdentityStore implements IdentityStore {

    public static final String DRIVER_ROLE = "driver";

    @Inject
    CentralAccounts central;

    @Inject
    SignInProblem problem;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        AccountAnswer answer = central.signIn(credential.getCaller(), credential.getPasswordAsString(), request.getRemoteAddr());
        if (!answer.accepted()) {
            problem.set(answer.message());
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), Set.of(DRIVER_ROLE));
    }
}
