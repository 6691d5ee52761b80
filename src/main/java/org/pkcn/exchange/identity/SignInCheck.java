package org.pkcn.exchange.identity;

import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A sign-in as one engine command: find the account (by its id, or as the one account with an e-mail address),
 * check the password, read the account's groups. Through the IdentityService these were three commands, each
 * its own transaction, and the account was read twice; here the password check finds it in the command's cache.
 * The check is the engine's own, as {@code IdentityService.checkPassword} runs it: a failed attempt is counted
 * and delays the account, in this command's transaction (it returns, rather than throws, so that it commits).
 * Not a record: the password must not appear in a {@code toString}.
 */
final class SignInCheck implements Command<SignInCheck.Account> {

    /** The account signed in, with the ids of its groups. */
    record Account(User user, List<String> groups) {
    }

    private final String login;
    private final String password;

    SignInCheck(String login, String password) {
        this.login = login;
        this.password = password;
    }

    /** The account, or null when the login or the password is wrong (or the account is delayed). */
    @Override
    public Account execute(CommandContext context) {
        ReadOnlyIdentityProvider identities = context.getReadOnlyIdentityProvider();
        User user = find(identities, context);
        if (user == null || password.isEmpty() || !identities.checkPassword(user.getId(), password)) {
            return null;
        }
        List<String> groups = identities.createGroupQuery(context).groupMember(user.getId()).list().stream()
                .map(Group::getId).toList();
        return new Account(user, groups);
    }

    private User find(ReadOnlyIdentityProvider identities, CommandContext context) {
        if (login.isEmpty() || login.length() > 254) {
            return null;
        }
        if (login.contains("@")) {
            List<User> users = identities.createUserQuery(context).userEmail(login.toLowerCase()).list();
            return users.size() == 1 ? users.get(0) : null;
        }
        return identities.findUserById(login);
    }
}
